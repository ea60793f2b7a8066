using Caravan.Core.Geography;

namespace Caravan.Core.Telemetry;

/// <summary>
/// Turns a device's readings into arrivals at and departures from one terminal without event storms from GPS jitter.
/// A Schmitt trigger followed by a debounce: a reading within the radius indicates inside, one beyond radius × hysteresis
/// indicates outside, one in between keeps the indication; the confirmed side changes when the indication has held for
/// the minimum dwell. The first clear reading sets the confirmed side without a transition (a device bound at a terminal
/// has not arrived there). Readings not newer than the last one applied are ignored: a late reading cannot rewrite a
/// decision already taken, and the caller keeps one <see cref="GeofenceState"/> per (device, geofence).
/// </summary>
public sealed class GeofenceTracker
{
    private readonly double _outsideBeyondM;

    public GeofenceTracker(TerminalGeofence geofence, GeofenceRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(geofence);
        Geofence = geofence;
        Rules = rules ?? GeofenceRules.Default;
        _outsideBeyondM = geofence.RadiusM * Rules.Hysteresis;
    }

    /// <summary>The terminal's geofence.</summary>
    public TerminalGeofence Geofence { get; }

    /// <summary>The hysteresis and minimum dwell applied.</summary>
    public GeofenceRules Rules { get; }

    public GeofenceStep Apply(GeofenceState state, TrackerReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return Apply(state, reading.Time, reading.Position);
    }

    public GeofenceStep Apply(GeofenceState state, DateTimeOffset time, GeoPoint position)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.LastReadingTime is { } last && time <= last)
        {
            return new(state, null);
        }

        var distance = Geofence.DistanceM(position);
        var clear = distance <= Geofence.RadiusM ? GeofenceSide.Inside
            : distance > _outsideBeyondM ? GeofenceSide.Outside
            : GeofenceSide.Unknown;

        var (indicated, since) = clear == GeofenceSide.Unknown || clear == state.Indicated
            ? (state.Indicated, state.IndicatedSince)
            : (clear, (DateTimeOffset?)time);

        if (state.Confirmed == GeofenceSide.Unknown)
        {
            return new(new(indicated, indicated, since, time), null);
        }

        if (indicated != state.Confirmed && since is { } start && time - start >= Rules.MinimumDwell)
        {
            var kind = indicated == GeofenceSide.Inside ? GeofenceTransitionKind.Entered : GeofenceTransitionKind.Left;
            return new(new(indicated, indicated, since, time), new(kind, Geofence.Terminal, start));
        }

        return new(state with { Indicated = indicated, IndicatedSince = since, LastReadingTime = time }, null);
    }
}
