namespace Caravan.Server.Planning;

/// <summary>
/// The planner's answer: the request as understood (defaults filled in; send it back to book), the Pareto set of
/// itineraries sorted by arrival, and, when there are none, why.
/// </summary>
public sealed record PlanResponse(PlanRequestBody Request, IReadOnlyList<ItineraryResponse> Itineraries, string? NoRoute);
