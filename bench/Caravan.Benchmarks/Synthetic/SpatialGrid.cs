using Caravan.Core.Geography;

namespace Caravan.Benchmarks.Synthetic;

/// <summary>Buckets points into half-degree cells so nearest neighbours are found without comparing every pair.</summary>
internal sealed class SpatialGrid
{
    private const double CellDegrees = 0.5;
    private readonly IReadOnlyList<GeoPoint> _points;
    private readonly Dictionary<(int Row, int Column), List<int>> _cells = [];

    public SpatialGrid(IReadOnlyList<GeoPoint> points)
    {
        _points = points;
        for (var i = 0; i < points.Count; i++)
        {
            var key = Cell(points[i]);
            if (!_cells.TryGetValue(key, out var list))
            {
                _cells[key] = list = [];
            }

            list.Add(i);
        }
    }

    /// <summary>
    /// The <paramref name="k"/> nearest other points to point <paramref name="of"/> that <paramref name="accept"/>
    /// allows, nearest first (ties by index), searching rings of cells until they cannot hold anything nearer.
    /// </summary>
    public List<(int Index, double Km)> Nearest(int of, int k, Func<int, bool>? accept = null, int maxRing = 60)
    {
        var origin = _points[of];
        var (row, column) = Cell(origin);
        var found = new List<(int Index, double Km)>();
        var ringsAfterFull = -1;
        for (var ring = 0; ring <= maxRing; ring++)
        {
            for (var r = row - ring; r <= row + ring; r++)
            {
                for (var c = column - ring; c <= column + ring; c++)
                {
                    if (Math.Max(Math.Abs(r - row), Math.Abs(c - column)) != ring || !_cells.TryGetValue((r, c), out var list))
                    {
                        continue;
                    }

                    foreach (var i in list)
                    {
                        if (i != of && (accept is null || accept(i)))
                        {
                            found.Add((i, origin.DistanceKmTo(_points[i])));
                        }
                    }
                }
            }

            // A point two rings further out can be nearer than one already found (cells are not square in km).
            if (found.Count >= k && ++ringsAfterFull >= 2)
            {
                break;
            }
        }

        found.Sort((a, b) => a.Km != b.Km ? a.Km.CompareTo(b.Km) : a.Index.CompareTo(b.Index));
        return found.Count > k ? found.GetRange(0, k) : found;
    }

    private static (int Row, int Column) Cell(GeoPoint p) =>
        ((int)Math.Floor(p.Latitude / CellDegrees), (int)Math.Floor(p.Longitude / CellDegrees));
}
