namespace Caravan.Core.Planning;

/// <summary>
/// The fastest itinerary through corridors that no listed itinerary uses — shown so a shipper can compare every
/// corridor honestly, with the index (in <see cref="PlanResult.Itineraries"/>) of an itinerary that beats it on
/// arrival, cost and CO2e, if one does.
/// </summary>
public sealed record CorridorAlternative(Itinerary Itinerary, int? DominatedBy);
