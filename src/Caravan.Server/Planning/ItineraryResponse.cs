using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Shipments;

namespace Caravan.Server.Planning;

/// <summary>
/// An itinerary as the API shows it, with its stable <see cref="ItineraryId"/> (a hash of its legs) by which a
/// shipment books it. Totals are for the whole consignment: USD, kg CO2e, km, hours.
/// </summary>
public sealed record ItineraryResponse(
    string ItineraryId,
    string Corridor,
    DateTimeOffset Departure,
    DateTimeOffset Arrival,
    DateTimeOffset ArrivalP50,
    DateTimeOffset ArrivalP90,
    double TransitHours,
    double CostUsd,
    double Co2eKg,
    double DistanceKm,
    IReadOnlyList<string> Countries,
    IReadOnlyList<LegResponse> Legs)
{
    public static ItineraryResponse From(ShipmentItinerary itinerary)
    {
        ArgumentNullException.ThrowIfNull(itinerary);
        return new ItineraryResponse(
            itinerary.Id,
            itinerary.Corridor,
            itinerary.Departure,
            itinerary.Arrival,
            itinerary.ArrivalP50,
            itinerary.ArrivalP90,
            Round((itinerary.Arrival - itinerary.Departure).TotalHours, 1),
            Round(itinerary.CostUsd, 2),
            Round(itinerary.Co2eKg, 1),
            Round(itinerary.DistanceKm, 1),
            itinerary.Countries.Select(c => c.Value).ToList(),
            itinerary.Legs.Select(l => new LegResponse(
                l.From.Value,
                l.To.Value,
                l.Mode.ToString().ToLowerInvariant(),
                l.ServiceId,
                l.Operator,
                l.Departure,
                l.Arrival,
                Round(l.DistanceKm, 1),
                Round(l.CostUsd, 2),
                Round(l.Co2eKg, 1))).ToList());
    }

    /// <summary>The booked itinerary this response shows, read back (a client's copy: amounts are rounded as shown).</summary>
    public ShipmentItinerary ToShipmentItinerary() => new()
    {
        Id = ItineraryId,
        Corridor = Corridor,
        ArrivalP50 = ArrivalP50,
        ArrivalP90 = ArrivalP90,
        Countries = Countries.Select(CountryCode.Parse).ToList(),
        Legs = Legs.Select(l => new ShipmentLeg
        {
            From = Locode.Parse(l.From),
            To = Locode.Parse(l.To),
            Mode = Enum.Parse<TransportMode>(l.Mode, ignoreCase: true),
            ServiceId = l.Service,
            Operator = l.Operator,
            Departure = l.Departure,
            Arrival = l.Arrival,
            DistanceKm = l.DistanceKm,
            CostUsd = l.CostUsd,
            Co2eKg = l.Co2eKg,
        }).ToList(),
    };

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}
