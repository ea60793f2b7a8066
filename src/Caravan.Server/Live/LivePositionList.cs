namespace Caravan.Server.Live;

/// <summary>The answer of <c>GET /api/live/positions</c>: each device's newest position, as <c>position</c> events carry them.</summary>
public sealed record LivePositionList(IReadOnlyList<LivePosition> Positions);
