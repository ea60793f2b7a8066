using Caravan.Core.Geography;
using Caravan.Core.Network;

namespace Caravan.Core.Planning;

/// <summary>
/// A way from origin to destination: its legs and totals for the whole consignment, the countries it crosses,
/// the corridors it follows, and its arrival as planned (median dwell everywhere) with the 50th and 90th
/// percentiles of arrival from the dwell distributions along it.
/// </summary>
public sealed record Itinerary
{
    public required IReadOnlyList<Leg> Legs { get; init; }

    public DateTimeOffset Departure => Legs[0].Departure;

    /// <summary>Planned arrival, with every dwell at its median.</summary>
    public DateTimeOffset Arrival => Legs[^1].Arrival;

    public required DateTimeOffset ArrivalP50 { get; init; }

    public required DateTimeOffset ArrivalP90 { get; init; }

    public TimeSpan TransitTime => Arrival - Departure;

    public double DistanceKm => Legs.Sum(l => l.DistanceKm);

    public double CostUsd => Legs.Sum(l => l.CostUsd);

    public double Co2eKg => Legs.Sum(l => l.Co2eKg);

    public int Transfers => Legs.Count(l => l.StartsWithTransfer);

    public required IReadOnlyList<CountryCode> Countries { get; init; }

    /// <summary>The corridors followed, in the order first entered.</summary>
    public required IReadOnlyList<Corridor> Corridors { get; init; }

    /// <summary>A name for people: the corridors joined, or "Direct" when none is named.</summary>
    public string CorridorName => Corridors.Count == 0 ? "Direct" : string.Join(" + ", Corridors.Select(c => c.Name));

    public bool Crosses(CountryCode country) => Countries.Contains(country);

    public bool Visits(Locode terminal) =>
        Legs.Any(l => l.From.Locode == terminal || l.To.Locode == terminal || l.Via.Any(v => v.Locode == terminal));
}
