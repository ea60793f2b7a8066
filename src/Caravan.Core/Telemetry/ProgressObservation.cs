using Caravan.Core.Network;

namespace Caravan.Core.Telemetry;

/// <summary>
/// An arrival at or a departure from a stop of a shipment's route, observed from one device's readings and dated at
/// the first reading on the new side of the stop's geofence. At a border crossing point it is crossing the border; at
/// a ferry port, a departure by ferry is boarding it and an arrival by ferry is leaving it.
/// </summary>
/// <param name="Kind">Arrival or departure.</param>
/// <param name="Stop">The stop.</param>
/// <param name="Visit">Which arrival at the stop it belongs to, from 1; 0 for a container already there when tracking began.</param>
/// <param name="Time">When it happened (UTC).</param>
public sealed record ProgressObservation(ProgressObservationKind Kind, ProgressStop Stop, int Visit, DateTimeOffset Time)
{
    /// <summary>The mode of the leg arriving (for an arrival) or leaving (for a departure); the other leg's at the route's ends.</summary>
    public TransportMode Mode => (Kind == ProgressObservationKind.Arrival ? Stop.ArrivingBy ?? Stop.LeavingBy : Stop.LeavingBy ?? Stop.ArrivingBy)
        ?? TransportMode.Rail;

    /// <summary>A crossing of a border: arriving at or leaving a border crossing point.</summary>
    public bool IsBorderCrossing => Stop.IsBorder;

    /// <summary>Boarding a ferry (a departure by ferry) or leaving one (an arrival by ferry).</summary>
    public bool IsFerry => Mode == TransportMode.Ferry;
}
