using Caravan.Core.Geography;
using Caravan.Core.Shipments;

namespace Caravan.Core.Alerts;

/// <summary>
/// The path of an itinerary for judging route deviation: one great-circle segment per leg between its terminals,
/// each with an allowance for the real line's detours. A leg booked as L km between terminals D km apart (great
/// circle) can stray at most √(L² − D²) / 2 from the straight segment — the semi-minor axis of the ellipse with the
/// terminals as foci that holds every path of length L — so a winding railway is not a deviation, and a ferry or a
/// straight line gets no slack. Distances are on the sphere (cross-track and along-track distance), since an
/// itinerary spans a hundred degrees of longitude and planar geometry in degrees would misjudge it by latitude.
/// </summary>
public sealed class CorridorPath
{
    private readonly Segment[] _segments;

    public CorridorPath(IReadOnlyList<(GeoPoint From, GeoPoint To, double RouteKm)> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        if (legs.Count == 0)
        {
            throw new ArgumentException("A path needs at least one leg.", nameof(legs));
        }

        _segments = legs.Select(l =>
        {
            var straight = l.From.DistanceKmTo(l.To);
            var allowance = double.IsFinite(l.RouteKm) && l.RouteKm > straight ? Math.Sqrt((l.RouteKm * l.RouteKm) - (straight * straight)) / 2 : 0;
            return new Segment(l.From, l.To, allowance);
        }).ToArray();
    }

    /// <summary>The legs' segments with their allowances in km, in itinerary order.</summary>
    public IReadOnlyList<(GeoPoint From, GeoPoint To, double AllowanceKm)> Segments => _segments.Select(s => (s.From, s.To, s.AllowanceKm)).ToList();

    /// <summary>
    /// The path of <paramref name="itinerary"/>, with terminal positions from <paramref name="positionOf"/>; null when
    /// a terminal's position is unknown (the network no longer has it).
    /// </summary>
    public static CorridorPath? Of(ShipmentItinerary itinerary, Func<Locode, GeoPoint?> positionOf)
    {
        ArgumentNullException.ThrowIfNull(itinerary);
        ArgumentNullException.ThrowIfNull(positionOf);
        var legs = new List<(GeoPoint, GeoPoint, double)>(itinerary.Legs.Count);
        foreach (var leg in itinerary.Legs)
        {
            if (positionOf(leg.From) is not { } from || positionOf(leg.To) is not { } to)
            {
                return null;
            }

            legs.Add((from, to, leg.DistanceKm));
        }

        return legs.Count == 0 ? null : new CorridorPath(legs);
    }

    /// <summary>
    /// How far <paramref name="position"/> lies outside the path, in km: the least, over the legs, of its distance to
    /// the leg's segment less the leg's allowance; 0 on or within the allowance of some leg.
    /// </summary>
    public double DeviationKm(GeoPoint position) =>
        _segments.Min(s => Math.Max(0, DistanceToSegmentKm(position, s.From, s.To) - s.AllowanceKm));

    /// <summary>The great-circle distance in km from <paramref name="p"/> to the shorter arc from <paramref name="a"/> to <paramref name="b"/>.</summary>
    public static double DistanceToSegmentKm(GeoPoint p, GeoPoint a, GeoPoint b)
    {
        var ab = a.DistanceKmTo(b) / GeoPoint.EarthRadiusKm;
        var ap = a.DistanceKmTo(p) / GeoPoint.EarthRadiusKm;
        if (ab < 1e-12)
        {
            return ap * GeoPoint.EarthRadiusKm;
        }

        var angle = Bearing(a, p) - Bearing(a, b);
        var crossTrack = Math.Asin(Math.Clamp(Math.Sin(ap) * Math.Sin(angle), -1, 1));
        if (Math.Cos(angle) < 0)
        {
            return ap * GeoPoint.EarthRadiusKm;
        }

        var alongTrack = Math.Acos(Math.Clamp(Math.Cos(ap) / Math.Cos(crossTrack), -1, 1));
        return alongTrack > ab
            ? b.DistanceKmTo(p)
            : Math.Abs(crossTrack) * GeoPoint.EarthRadiusKm;
    }

    private static double Bearing(GeoPoint from, GeoPoint to)
    {
        var lat1 = double.DegreesToRadians(from.Latitude);
        var lat2 = double.DegreesToRadians(to.Latitude);
        var dLon = double.DegreesToRadians(to.Longitude - from.Longitude);
        return Math.Atan2(Math.Sin(dLon) * Math.Cos(lat2), (Math.Cos(lat1) * Math.Sin(lat2)) - (Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(dLon)));
    }

    private readonly record struct Segment(GeoPoint From, GeoPoint To, double AllowanceKm);
}
