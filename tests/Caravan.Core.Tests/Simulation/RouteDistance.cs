using Caravan.Core.Geography;

namespace Caravan.Core.Tests.Simulation;

/// <summary>How far a point lies from a polyline, in metres: the nearest point of each segment found in a local flat projection.</summary>
internal static class RouteDistance
{
    public static double Metres(GeoPoint point, IReadOnlyList<GeoPoint> route)
    {
        var best = double.MaxValue;
        var cos = Math.Cos(double.DegreesToRadians(point.Latitude));
        for (var i = 1; i < route.Count; i++)
        {
            var (a, b) = (route[i - 1], route[i]);
            var (ax, ay) = (a.Longitude * cos, a.Latitude);
            var (bx, by) = (b.Longitude * cos, b.Latitude);
            var (px, py) = (point.Longitude * cos, point.Latitude);
            var (dx, dy) = (bx - ax, by - ay);
            var length = (dx * dx) + (dy * dy);
            var t = length == 0 ? 0 : Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / length, 0, 1);
            var nearest = new GeoPoint(a.Latitude + ((b.Latitude - a.Latitude) * t), a.Longitude + ((b.Longitude - a.Longitude) * t));
            best = Math.Min(best, point.DistanceKmTo(nearest) * 1000);
        }

        return route.Count == 1 ? point.DistanceKmTo(route[0]) * 1000 : best;
    }
}
