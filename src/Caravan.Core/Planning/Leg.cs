using Caravan.Core.Geography;
using Caravan.Core.Network;

namespace Caravan.Core.Planning;

/// <summary>
/// One movement on one vehicle: a ride on a service between two of its stops, or a continuous run on links of
/// one mode and gauge. Cost and CO2e include the handling at <see cref="From"/> when the leg starts with a
/// transfer; the breakdown fields keep the two apart.
/// </summary>
public sealed record Leg
{
    public required Terminal From { get; init; }

    public required Terminal To { get; init; }

    public required TransportMode Mode { get; init; }

    public RailGauges Gauge { get; init; }

    /// <summary>The timetabled service ridden, or null on continuous links.</summary>
    public Service? Service { get; init; }

    public required string Operator { get; init; }

    public required DateTimeOffset Departure { get; init; }

    public required DateTimeOffset Arrival { get; init; }

    public required double DistanceKm { get; init; }

    public required double FreightCostUsd { get; init; }

    public required double HandlingCostUsd { get; init; }

    public double CostUsd => FreightCostUsd + HandlingCostUsd;

    public required double TransportCo2eKg { get; init; }

    public required double HubCo2eKg { get; init; }

    public double Co2eKg => TransportCo2eKg + HubCo2eKg;

    /// <summary>Terminals passed through between <see cref="From"/> and <see cref="To"/>.</summary>
    public required IReadOnlyList<Terminal> Via { get; init; }

    public required IReadOnlyList<Link> Links { get; init; }

    /// <summary>Countries touched in order, including those a link crosses without a terminal.</summary>
    public required IReadOnlyList<CountryCode> Countries { get; init; }

    /// <summary>True when the leg starts with a transshipment at <see cref="From"/>.</summary>
    public bool StartsWithTransfer { get; init; }
}
