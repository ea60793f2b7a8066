namespace Caravan.Core.Telemetry;

/// <summary>Which side of a geofence a device is on; <see cref="Unknown"/> until a reading clearly places it.</summary>
public enum GeofenceSide
{
    Unknown,
    Outside,
    Inside,
}
