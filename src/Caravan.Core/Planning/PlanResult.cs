namespace Caravan.Core.Planning;

/// <summary>
/// The planner's answer: the Pareto set of itineraries (sorted by arrival), or none and the reason why.
/// "No route" is an answer, not an error.
/// </summary>
public sealed record PlanResult(IReadOnlyList<Itinerary> Itineraries, string? NoRouteReason, SearchStatistics Statistics)
{
    public bool Found => Itineraries.Count > 0;
}
