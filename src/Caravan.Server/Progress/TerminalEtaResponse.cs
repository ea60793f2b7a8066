namespace Caravan.Server.Progress;

/// <summary>The expected arrival at one terminal (UN/LOCODE): median and 90th percentile, UTC.</summary>
public sealed record TerminalEtaResponse(string Terminal, DateTimeOffset P50, DateTimeOffset P90);
