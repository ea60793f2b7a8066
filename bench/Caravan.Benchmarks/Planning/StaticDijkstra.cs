using Caravan.Core.Geography;
using Caravan.Core.Network;

namespace Caravan.Benchmarks.Planning;

/// <summary>
/// The simpler algorithm the planner is compared with: a plain Dijkstra on a static graph whose edge weights are
/// link travel times (continuous links at their speed; scheduled links at the fastest service segment over them),
/// ignoring timetables, waits, handling, dwell, cost and CO2e. It shows what the time-dependent, multi-criteria
/// search costs over the cheapest possible shortest-path query on the same network.
/// </summary>
public sealed class StaticDijkstra
{
    private readonly Dictionary<Locode, int> _index;
    private readonly int[] _start;
    private readonly int[] _to;
    private readonly int[] _minutes;
    private readonly int[] _distance;
    private readonly PriorityQueue<int, int> _queue = new();

    public StaticDijkstra(CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var n = network.Terminals.Count;
        _index = new Dictionary<Locode, int>(n);
        for (var i = 0; i < n; i++)
        {
            _index.Add(network.Terminals[i].Locode, i);
        }

        var fastest = new Dictionary<(int From, int To), int>();
        void Offer(int from, int to, int minutes) =>
            fastest[(from, to)] = fastest.TryGetValue((from, to), out var m) ? Math.Min(m, minutes) : minutes;

        foreach (var link in network.Links.Where(l => l.Availability == LinkAvailability.Continuous))
        {
            var minutes = Math.Max(1, (int)Math.Round(link.DistanceKm / link.SpeedKmh!.Value * 60));
            Offer(_index[link.From], _index[link.To], minutes);
            if (link.Bidirectional)
            {
                Offer(_index[link.To], _index[link.From], minutes);
            }
        }

        foreach (var service in network.Services)
        {
            for (var k = 1; k < service.Stops.Count; k++)
            {
                var minutes = (int)Math.Round((service.Stops[k].ArrivalHours!.Value - service.Stops[k - 1].DepartureHours!.Value) * 60);
                Offer(_index[service.Stops[k - 1].Locode], _index[service.Stops[k].Locode], Math.Max(1, minutes));
            }
        }

        var edges = fastest.OrderBy(e => e.Key.From).ThenBy(e => e.Key.To).ToArray();
        _start = new int[n + 1];
        foreach (var e in edges)
        {
            _start[e.Key.From + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            _start[i + 1] += _start[i];
        }

        _to = edges.Select(e => e.Key.To).ToArray();
        _minutes = edges.Select(e => e.Value).ToArray();
        _distance = new int[n];
    }

    /// <summary>Least travel minutes from <paramref name="origin"/> to <paramref name="destination"/>, or -1 when unreachable.</summary>
    public int Minutes(Locode origin, Locode destination)
    {
        var source = _index[origin];
        var target = _index[destination];
        Array.Fill(_distance, int.MaxValue);
        _queue.Clear();
        _distance[source] = 0;
        _queue.Enqueue(source, 0);
        while (_queue.TryDequeue(out var v, out var d))
        {
            if (v == target)
            {
                return d;
            }

            if (d > _distance[v])
            {
                continue;
            }

            for (var e = _start[v]; e < _start[v + 1]; e++)
            {
                var candidate = d + _minutes[e];
                var u = _to[e];
                if (candidate < _distance[u])
                {
                    _distance[u] = candidate;
                    _queue.Enqueue(u, candidate);
                }
            }
        }

        return -1;
    }
}
