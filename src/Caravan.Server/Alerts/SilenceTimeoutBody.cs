namespace Caravan.Server.Alerts;

/// <summary>A device's silence timeout in whole minutes, or null to go back to the configured default.</summary>
public sealed record SilenceTimeoutBody(int? Minutes);
