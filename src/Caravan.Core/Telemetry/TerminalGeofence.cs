using Caravan.Core.Geography;

namespace Caravan.Core.Telemetry;

/// <summary>A terminal's geofence: a circle of <see cref="RadiusM"/> metres around <see cref="Centre"/>.</summary>
public sealed record TerminalGeofence
{
    public TerminalGeofence(Locode terminal, GeoPoint centre, double radiusM)
    {
        if (terminal == default)
        {
            throw new ArgumentException("A geofence belongs to a terminal.", nameof(terminal));
        }

        if (!double.IsFinite(radiusM) || radiusM <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(radiusM), radiusM, "The radius must be a positive number of metres.");
        }

        Terminal = terminal;
        Centre = centre;
        RadiusM = radiusM;
    }

    /// <summary>The terminal the geofence surrounds.</summary>
    public Locode Terminal { get; }

    /// <summary>The centre of the circle.</summary>
    public GeoPoint Centre { get; }

    /// <summary>The radius in metres.</summary>
    public double RadiusM { get; }

    /// <summary>Great-circle distance from the centre to <paramref name="position"/> in metres.</summary>
    public double DistanceM(GeoPoint position) => Centre.DistanceKmTo(position) * 1000;
}
