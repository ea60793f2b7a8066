using Caravan.Core.Geography;

namespace Caravan.Core.Network;

/// <summary>
/// A connection between two terminals by one mode. A continuous link is open at any time (travel time from
/// <see cref="SpeedKmh"/>, price <see cref="CostUsd"/> per FEU); a scheduled link is used only by services.
/// </summary>
public sealed record Link(
    string Id,
    Locode From,
    Locode To,
    TransportMode Mode,
    double DistanceKm,
    RailGauges Gauge,
    string EmissionFactorId,
    string Operator,
    string? CorridorId,
    LinkAvailability Availability,
    double? SpeedKmh,
    double? CostUsd,
    IReadOnlyList<CountryCode> ViaCountries,
    bool Bidirectional,
    string Sources,
    string Notes);
