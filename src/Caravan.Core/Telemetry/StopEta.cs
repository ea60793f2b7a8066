namespace Caravan.Core.Telemetry;

/// <summary>The expected arrival at a stop: the median (P50) and the 90th percentile (P90), UTC.</summary>
public sealed record StopEta(ProgressStop Stop, DateTimeOffset P50, DateTimeOffset P90);
