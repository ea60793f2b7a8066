namespace Caravan.Core.Network;

/// <summary>
/// A timetabled service — block train, ferry line, feeder or deep-sea loop — calling at <see cref="Stops"/>
/// on every one of its <see cref="Departures"/>. <see cref="PriceUsd"/> is per FEU for the whole run;
/// a partial ride pays in proportion to distance.
/// </summary>
public sealed record Service(
    string Id,
    string Name,
    string Operator,
    TransportMode Mode,
    string? CorridorId,
    double CutoffHours,
    int CapacityTeu,
    double PriceUsd,
    IReadOnlyList<ServiceStop> Stops,
    IReadOnlyList<WeeklyDeparture> Departures,
    string Sources,
    string Notes);
