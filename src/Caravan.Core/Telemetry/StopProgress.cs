namespace Caravan.Core.Telemetry;

/// <summary>
/// What the progress engine knows of one stop for one device: its geofence state, how many arrivals it has observed
/// there, whether it holds the container to be there (so a departure is due), and the last arrival and departure.
/// </summary>
/// <param name="Geofence">The stop's geofence state.</param>
/// <param name="Visits">Arrivals observed at the stop; a container already there when tracking began is visit 0.</param>
/// <param name="Inside">True between an arrival (or a first reading inside) and the departure that follows.</param>
/// <param name="ArrivedAt">When the last arrival happened; null when none was observed.</param>
/// <param name="DepartedAt">When the last departure happened; null when none was observed.</param>
public sealed record StopProgress(GeofenceState Geofence, int Visits, bool Inside, DateTimeOffset? ArrivedAt, DateTimeOffset? DepartedAt)
{
    /// <summary>A stop before any reading.</summary>
    public static readonly StopProgress Initial = new(GeofenceState.Initial, 0, false, null, null);
}
