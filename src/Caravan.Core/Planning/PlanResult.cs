namespace Caravan.Core.Planning;

/// <summary>
/// The planner's answer: the Pareto set of itineraries (sorted by arrival), or none and the reason why.
/// "No route" is an answer, not an error.
/// </summary>
public sealed record PlanResult(IReadOnlyList<Itinerary> Itineraries, string? NoRouteReason, SearchStatistics Statistics)
{
    /// <summary>Best itineraries of corridors absent from the front, when the request asked for them.</summary>
    public IReadOnlyList<CorridorAlternative> Alternatives { get; init; } = [];

    public bool Found => Itineraries.Count > 0;
}
