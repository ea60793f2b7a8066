namespace Caravan.Core.Telemetry;

/// <summary>The direction of a confirmed geofence crossing: arriving at a terminal or departing from it.</summary>
public enum GeofenceTransitionKind
{
    Entered,
    Left,
}
