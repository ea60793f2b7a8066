using Caravan.Core.Network;

namespace Caravan.Core.Telemetry;

/// <summary>
/// A terminal a shipment's container is expected to pass, in itinerary order: a leg's end (where it changes vehicle)
/// or a stop a timetabled service makes within a leg (a border station, a gauge change). Times are the plan's (UTC).
/// </summary>
/// <param name="Index">Position in <see cref="ProgressRoute.Stops"/>, from 0 (the origin).</param>
/// <param name="Terminal">The terminal, from the network data.</param>
/// <param name="Geofence">Its geofence.</param>
/// <param name="Leg">For a leg's end: the leg that leaves it (the number of legs at the destination); within a leg: that leg.</param>
/// <param name="WithinLeg">True for a service's stop within a leg, where the container stays on board.</param>
/// <param name="ArrivingBy">The mode of the leg that arrives here; null at the origin.</param>
/// <param name="LeavingBy">The mode of the leg that leaves here; null at the destination.</param>
/// <param name="PlannedArrival">Planned arrival; null at the origin.</param>
/// <param name="PlannedDeparture">Planned departure; null at the destination.</param>
public sealed record ProgressStop(
    int Index,
    Terminal Terminal,
    TerminalGeofence Geofence,
    int Leg,
    bool WithinLeg,
    TransportMode? ArrivingBy,
    TransportMode? LeavingBy,
    DateTimeOffset? PlannedArrival,
    DateTimeOffset? PlannedDeparture)
{
    /// <summary>A border crossing point: arriving and leaving are crossing the border.</summary>
    public bool IsBorder => Terminal.Kind == TerminalKind.BorderCrossing;
}
