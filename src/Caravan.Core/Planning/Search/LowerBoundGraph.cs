using Caravan.Core.Network;

namespace Caravan.Core.Planning.Search;

/// <summary>
/// The network reversed, with the least time, cost and CO2e of any single move between two terminals (a
/// continuous arc or one service segment; no waits for departures and no handling). Dijkstra over it from the
/// destination gives admissible lower bounds: for ordering the search (A*) and for pruning labels that cannot
/// improve on the itineraries already found. Time bounds include, at every terminal passed before the destination,
/// the least a container can spend there: its median dwell, or the scheduled stop of a service calling there.
/// An earliest-arrival search takes its time bound from precomputed <see cref="Landmarks"/> instead, which are
/// tighter and cost no Dijkstra per query; multi-criteria searches use the per-query bounds.
/// </summary>
internal sealed class LowerBoundGraph
{
    /// <summary>No bound: the destination cannot be reached from the terminal.</summary>
    public const int Unreachable = int.MaxValue;

    private readonly int[] _inStart;
    private readonly int[] _inFrom;

    /// <summary>The time edges packed for the Dijkstra that runs on every query: tail terminal (low half) and whole minutes (high half).</summary>
    private readonly long[] _timeEdges;
    private readonly double[] _cost;
    private readonly double[] _co2e;
    private readonly int[] _passing;
    private readonly Lazy<LandmarkBounds>? _landmarks;

    /// <param name="network">The network bounded.</param>
    /// <param name="landmarks">
    /// How many landmarks <see cref="Landmarks"/> precomputes, on first use (thread-safe, once); 0 for none, when
    /// every search computes its time bound per query.
    /// </param>
    public LowerBoundGraph(CorridorNetwork network, int landmarks = LandmarkBounds.DefaultCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(landmarks);
        _landmarks = landmarks > 0 ? new Lazy<LandmarkBounds>(() => new LandmarkBounds(network, landmarks)) : null;
        var n = network.Terminals.Count;
        var best = new Dictionary<(int From, int To), (double Minutes, double Cost, double Co2e)>();
        void Offer(int from, int to, double minutes, double cost, double co2e)
        {
            best[(from, to)] = best.TryGetValue((from, to), out var b)
                ? (Math.Min(b.Minutes, minutes), Math.Min(b.Cost, cost), Math.Min(b.Co2e, co2e))
                : (minutes, cost, co2e);
        }

        for (var v = 0; v < n; v++)
        {
            for (var a = network.ArcStart[v]; a < network.ArcStart[v + 1]; a++)
            {
                Offer(v, network.ArcTo[a], network.ArcMinutes[a], network.ArcCostUsd[a], network.ArcCo2ePerTeu[a]);
            }
        }

        for (var s = 0; s < network.Services.Count; s++)
        {
            var total = network.ServiceTotalKm[s];
            for (var k = network.ServiceStopStart[s] + 1; k < network.ServiceStopStart[s + 1]; k++)
            {
                var km = network.StopCumulativeKm[k] - network.StopCumulativeKm[k - 1];
                Offer(
                    network.StopTerminal[k - 1],
                    network.StopTerminal[k],
                    network.StopArrivalMinutes[k] - network.StopDepartureMinutes[k - 1],
                    total > 0 ? network.ServicePriceUsd[s] * km / total : 0,
                    network.StopCumulativeCo2ePerTeu[k] - network.StopCumulativeCo2ePerTeu[k - 1]);
            }
        }

        var edges = best.OrderBy(e => e.Key.To).ThenBy(e => e.Key.From).ToArray();
        _inStart = new int[n + 1];
        foreach (var e in edges)
        {
            _inStart[e.Key.To + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            _inStart[i + 1] += _inStart[i];
        }

        _inFrom = edges.Select(e => e.Key.From).ToArray();
        _timeEdges = edges.Select(e => ((long)checked((int)e.Value.Minutes) << 32) | (uint)e.Key.From).ToArray();
        _cost = edges.Select(e => e.Value.Cost).ToArray();
        _co2e = edges.Select(e => e.Value.Co2e).ToArray();
        // Passing a terminal costs at least its median dwell, unless the container stays on a train or ship that
        // stops there: then only that stop's scheduled time. The least of the two keeps the bound admissible.
        _passing = (int[])network.DwellP50Minutes.Clone();
        for (var s = 0; s < network.Services.Count; s++)
        {
            for (var k = network.ServiceStopStart[s] + 1; k < network.ServiceStopStart[s + 1] - 1; k++)
            {
                var t = network.StopTerminal[k];
                _passing[t] = Math.Min(_passing[t], network.StopDepartureMinutes[k] - network.StopArrivalMinutes[k]);
            }
        }
    }

    /// <summary>
    /// The landmark bounds earliest-arrival searches use instead of a per-query time bound, computed on first use
    /// (about 1.3 s and 7.7 MB on the 20,000-terminal continental network); null when the graph was built without.
    /// </summary>
    public LandmarkBounds? Landmarks => _landmarks?.Value;

    /// <summary>
    /// Least remaining minutes (and, when arrays are given, cost and CO2e) from every terminal to
    /// <paramref name="destination"/>. Each Dijkstra stops once it has gone twice as far as the bound of
    /// <paramref name="origin"/>; every terminal not reached by then gets that radius, which is still a lower bound
    /// (and keeps the time bound consistent for A*), so a query explores only the region it needs.
    /// </summary>
    public void Compute(int destination, int origin, bool costAndCo2e, SearchWorkspace ws)
    {
        TimeDijkstra(destination, origin, ws);
        if (costAndCo2e)
        {
            Dijkstra(destination, origin, _cost, ws.BoundCost, ws);
            Dijkstra(destination, origin, _co2e, ws.BoundCo2e, ws);
        }
    }

    /// <summary>
    /// Least minutes to <paramref name="destination"/> (paying at every terminal passed through before it the least
    /// time a container spends there), truncated as <see cref="Compute"/> says. Minutes are whole, so this Dijkstra
    /// keeps integer distances in a heap of packed integers; a terminal is settled when popped at its distance.
    /// </summary>
    private void TimeDijkstra(int destination, int origin, SearchWorkspace ws)
    {
        var distance = ws.BoundMinutes;
        Array.Fill(distance, Unreachable);
        distance[destination] = 0;
        var heap = ws.BoundHeap;
        heap.Clear();
        heap.Push(0, destination);
        var limit = Unreachable;
        var inStart = _inStart;
        var edges = _timeEdges;
        while (heap.TryPop(out var v, out var d))
        {
            if (d > distance[v])
            {
                continue;
            }

            if (d > limit)
            {
                // Everything not settled yet is at least this far away; everything settled is within the limit.
                for (var u = 0; u < distance.Length; u++)
                {
                    distance[u] = Math.Min(distance[u], limit);
                }

                return;
            }

            if (v == origin)
            {
                limit = Math.Max(2 * d, d + 1);
            }

            var through = d + (v == destination ? 0 : _passing[v]);
            heap.Relax(edges.AsSpan(inStart[v], inStart[v + 1] - inStart[v]), through, distance);
        }
    }

    /// <summary>Least cost or CO2e (by <paramref name="weight"/>) to <paramref name="destination"/>, truncated as <see cref="Compute"/> says.</summary>
    private void Dijkstra(int destination, int origin, double[] weight, double[] distance, SearchWorkspace ws)
    {
        Array.Fill(distance, double.PositiveInfinity);
        var settled = ws.BoundSettled;
        settled.AsSpan().Clear();
        distance[destination] = 0;
        var queue = ws.BoundQueue;
        queue.Clear();
        queue.Enqueue(destination, 0);
        var limit = double.PositiveInfinity;
        while (queue.TryDequeue(out var v, out var d))
        {
            if (settled[v])
            {
                continue;
            }

            if (d > limit)
            {
                // Everything not settled yet is at least this far away.
                for (var u = 0; u < distance.Length; u++)
                {
                    if (!settled[u])
                    {
                        distance[u] = limit;
                    }
                }

                return;
            }

            settled[v] = true;
            if (v == origin)
            {
                limit = Math.Max(2 * d, d + 1);
            }

            for (var e = _inStart[v]; e < _inStart[v + 1]; e++)
            {
                var u = _inFrom[e];
                var candidate = d + weight[e];
                if (candidate < distance[u])
                {
                    distance[u] = candidate;
                    queue.Enqueue(u, candidate);
                }
            }
        }
    }
}
