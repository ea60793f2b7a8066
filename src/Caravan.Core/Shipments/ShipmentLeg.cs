using Caravan.Core.Geography;
using Caravan.Core.Network;

namespace Caravan.Core.Shipments;

/// <summary>
/// One leg of a shipment's chosen itinerary as booked: the places by UN/LOCODE, the mode, the timetabled service
/// (null on continuous links) and its operator, planned times (UTC), distance (km), cost (USD) and CO2e (kg).
/// Kept as plain values so the booking does not change when the network data does.
/// </summary>
public sealed record ShipmentLeg
{
    public required Locode From { get; init; }

    public required Locode To { get; init; }

    public required TransportMode Mode { get; init; }

    public string? ServiceId { get; init; }

    public required string Operator { get; init; }

    public required DateTimeOffset Departure { get; init; }

    public required DateTimeOffset Arrival { get; init; }

    public required double DistanceKm { get; init; }

    public required double CostUsd { get; init; }

    public required double Co2eKg { get; init; }
}
