namespace Caravan.Cli.Output.Json;

/// <summary>
/// The best itinerary of a corridor no Pareto itinerary follows; <c>dominatedBy</c> is the 0-based index in
/// <c>itineraries</c> of one that is no later, no dearer and no dirtier, or null.
/// </summary>
public sealed record AlternativeJson(ItineraryJson Itinerary, int? DominatedBy);
