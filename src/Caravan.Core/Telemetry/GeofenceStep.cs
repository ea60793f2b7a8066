namespace Caravan.Core.Telemetry;

/// <summary>The result of applying one reading to a geofence: the next state, and the transition it confirmed, if any.</summary>
public sealed record GeofenceStep(GeofenceState State, GeofenceTransition? Transition);
