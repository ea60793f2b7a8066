using System.Text.Json;
using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Shipments;

namespace Caravan.Storage.Sqlite;

/// <summary>The stored JSON form of a <see cref="ShipmentItinerary"/>: plain strings and numbers, read back into value types.</summary>
internal sealed record StoredItinerary(
    string Id,
    string Corridor,
    IReadOnlyList<StoredLeg> Legs,
    DateTimeOffset ArrivalP50,
    DateTimeOffset ArrivalP90,
    IReadOnlyList<string> Countries)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(ShipmentItinerary itinerary) => JsonSerializer.Serialize(
        new StoredItinerary(
            itinerary.Id,
            itinerary.Corridor,
            itinerary.Legs.Select(l => new StoredLeg(
                l.From.Value, l.To.Value, l.Mode.ToString(), l.ServiceId, l.Operator, l.Departure, l.Arrival, l.DistanceKm, l.CostUsd, l.Co2eKg)).ToList(),
            itinerary.ArrivalP50,
            itinerary.ArrivalP90,
            itinerary.Countries.Select(c => c.Value).ToList()),
        Json);

    public static ShipmentItinerary Read(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredItinerary>(json, Json)
            ?? throw new InvalidDataException("A stored itinerary is null.");
        return new ShipmentItinerary
        {
            Id = stored.Id,
            Corridor = stored.Corridor,
            Legs = stored.Legs.Select(l => new ShipmentLeg
            {
                From = Locode.Parse(l.From),
                To = Locode.Parse(l.To),
                Mode = Enum.Parse<TransportMode>(l.Mode),
                ServiceId = l.ServiceId,
                Operator = l.Operator,
                Departure = l.Departure,
                Arrival = l.Arrival,
                DistanceKm = l.DistanceKm,
                CostUsd = l.CostUsd,
                Co2eKg = l.Co2eKg,
            }).ToList(),
            ArrivalP50 = stored.ArrivalP50,
            ArrivalP90 = stored.ArrivalP90,
            Countries = stored.Countries.Select(CountryCode.Parse).ToList(),
        };
    }
}
