namespace Caravan.Server.Alerts;

/// <summary>The silence timeout in force for a device, in minutes, and whether it is the default rather than its own.</summary>
public sealed record SilenceTimeoutResponse(string Device, double Minutes, bool IsDefault);
