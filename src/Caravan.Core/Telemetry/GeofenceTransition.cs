using Caravan.Core.Geography;

namespace Caravan.Core.Telemetry;

/// <summary>
/// A confirmed crossing of a terminal's geofence. <see cref="Time"/> is the time of the first reading on the new
/// side (when the device arrived or departed), not of the reading that confirmed it after the minimum dwell.
/// </summary>
public sealed record GeofenceTransition(GeofenceTransitionKind Kind, Locode Terminal, DateTimeOffset Time);
