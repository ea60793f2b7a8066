using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Caravan.Core.Geography;
using Caravan.Core.Planning;

namespace Caravan.Core.Shipments;

/// <summary>
/// The itinerary a shipment was booked on, copied from the planner's answer: its stable <see cref="Id"/> (a hash of
/// its legs, so the same itinerary planned twice has the same id), its legs and the planned arrival percentiles.
/// </summary>
public sealed record ShipmentItinerary
{
    public required string Id { get; init; }

    /// <summary>The corridors followed, joined for people ("Middle Corridor"), or "Direct".</summary>
    public required string Corridor { get; init; }

    public required IReadOnlyList<ShipmentLeg> Legs { get; init; }

    public required DateTimeOffset ArrivalP50 { get; init; }

    public required DateTimeOffset ArrivalP90 { get; init; }

    public required IReadOnlyList<CountryCode> Countries { get; init; }

    public DateTimeOffset Departure => Legs[0].Departure;

    public DateTimeOffset Arrival => Legs[^1].Arrival;

    public double CostUsd => Legs.Sum(l => l.CostUsd);

    public double Co2eKg => Legs.Sum(l => l.Co2eKg);

    public double DistanceKm => Legs.Sum(l => l.DistanceKm);

    /// <summary>Copies a planned itinerary into booking form.</summary>
    public static ShipmentItinerary From(Itinerary itinerary)
    {
        ArgumentNullException.ThrowIfNull(itinerary);
        return new ShipmentItinerary
        {
            Id = IdOf(itinerary),
            Corridor = itinerary.CorridorName,
            Legs = itinerary.Legs.Select(l => new ShipmentLeg
            {
                From = l.From.Locode,
                To = l.To.Locode,
                Mode = l.Mode,
                ServiceId = l.Service?.Id,
                Operator = l.Operator,
                Departure = l.Departure,
                Arrival = l.Arrival,
                DistanceKm = l.DistanceKm,
                CostUsd = l.CostUsd,
                Co2eKg = l.Co2eKg,
            }).ToList(),
            ArrivalP50 = itinerary.ArrivalP50,
            ArrivalP90 = itinerary.ArrivalP90,
            Countries = itinerary.Countries,
        };
    }

    /// <summary>
    /// The stable id of an itinerary: <c>it-</c> and 24 hex digits of the SHA-256 of its legs (from, to, mode, service,
    /// operator, departure and arrival in UTC minutes), so it names the same journey whenever it is planned.
    /// </summary>
    public static string IdOf(Itinerary itinerary)
    {
        ArgumentNullException.ThrowIfNull(itinerary);
        var text = new StringBuilder();
        foreach (var l in itinerary.Legs)
        {
            text.Append(CultureInfo.InvariantCulture, $"{l.From.Locode}|{l.To.Locode}|{l.Mode}|{l.Service?.Id}|{l.Operator}|")
                .Append(CultureInfo.InvariantCulture, $"{l.Departure.ToUnixTimeSeconds() / 60}|{l.Arrival.ToUnixTimeSeconds() / 60}\n");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "it-" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
