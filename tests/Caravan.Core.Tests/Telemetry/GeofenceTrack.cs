using Caravan.Core.Geography;
using Caravan.Core.Telemetry;

namespace Caravan.Core.Tests.Telemetry;

/// <summary>Builds tracks around the Aktau port geofence (radius 1 km) at given distances from its centre.</summary>
internal static class GeofenceTrack
{
    public const double RadiusM = 1000;

    public static readonly TerminalGeofence Aktau = new(Locode.Parse("KZAKX"), new GeoPoint(43.65, 51.16), RadiusM);

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    private const double MetresPerDegree = 111_195;

    /// <summary>The point <paramref name="distanceM"/> metres from the centre towards <paramref name="bearingDegrees"/> (flat approximation, ample at a few km).</summary>
    public static GeoPoint At(double distanceM, double bearingDegrees = 0)
    {
        var bearing = double.DegreesToRadians(bearingDegrees);
        var centre = Aktau.Centre;
        var lat = centre.Latitude + (distanceM * Math.Cos(bearing) / MetresPerDegree);
        var lon = centre.Longitude + (distanceM * Math.Sin(bearing) / (MetresPerDegree * Math.Cos(double.DegreesToRadians(centre.Latitude))));
        return new GeoPoint(lat, lon);
    }

    /// <summary>Applies readings (minutes after <see cref="Start"/>, distance in metres, bearing) in order and collects the transitions.</summary>
    public static (GeofenceState State, List<GeofenceTransition> Transitions) Run(
        GeofenceTracker tracker, IEnumerable<(double Minute, double DistanceM, double Bearing)> readings, GeofenceState? from = null)
    {
        var state = from ?? GeofenceState.Initial;
        var transitions = new List<GeofenceTransition>();
        foreach (var (minute, distance, bearing) in readings)
        {
            var step = tracker.Apply(state, Start.AddMinutes(minute), At(distance, bearing));
            state = step.State;
            if (step.Transition is { } t)
            {
                transitions.Add(t);
            }
        }

        return (state, transitions);
    }
}
