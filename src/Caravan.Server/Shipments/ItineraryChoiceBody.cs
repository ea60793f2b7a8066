using Caravan.Server.Planning;

namespace Caravan.Server.Shipments;

/// <summary>
/// Which itinerary to book: the plan request as <c>POST /api/plan</c> echoed it, and the <c>itineraryId</c> chosen
/// from its answer. The server plans again and books its own copy of that itinerary, never the client's.
/// </summary>
public sealed record ItineraryChoiceBody
{
    public PlanRequestBody? Plan { get; init; }

    public string? ItineraryId { get; init; }
}
