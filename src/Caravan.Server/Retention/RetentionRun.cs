namespace Caravan.Server.Retention;

/// <summary>What one pass of the retention worker did: devices looked at, readings thinned out by downsampling, and readings deleted past their party's horizon.</summary>
public sealed record RetentionRun(int Devices, int Downsampled, int Expired);
