using Caravan.Core.Network;

namespace Caravan.Core.Planning.Search;

/// <summary>
/// Reversed graphs of the least time, cost and CO2e of any move between terminals (no waits for departures). Dijkstra
/// over them from the destination gives admissible lower bounds: for ordering the search (A*) and for pruning labels
/// that cannot improve on the itineraries already found.
/// <para>
/// Time is bounded on three layers per terminal: in the yard (arrived, its median dwell paid), aboard a train or ship
/// calling there, and in the yard after alighting. A continuous move pays the median dwell at every terminal it passes;
/// staying aboard pays only the service's scheduled stop; boarding pays the terminal's handling (a label only ever
/// boards as a transfer, except at the origin, which is settled first whatever its estimate); alighting pays the dwell,
/// and any move on from there the handling. Cost and CO2e are bounded on
/// one layer, by the least of any single move.
/// </para>
/// </summary>
internal sealed class LowerBoundGraph
{
    private readonly ReverseGraph _time;
    private readonly int[] _passing;
    private readonly ReverseGraph _cost;
    private readonly ReverseGraph _co2e;

    public LowerBoundGraph(CorridorNetwork network)
    {
        var n = network.Terminals.Count;
        var onePass = new Dictionary<(int From, int To), (double Cost, double Co2e)>();
        void OfferOne(int from, int to, double cost, double co2e) =>
            onePass[(from, to)] = onePass.TryGetValue((from, to), out var b) ? (Math.Min(b.Cost, cost), Math.Min(b.Co2e, co2e)) : (cost, co2e);

        // Time nodes: terminal v's yard is v, aboard a service calling at v is n + v, and the yard after alighting (when
        // any move on pays v's handling) is 2n + v.
        var time = new Dictionary<(int From, int To), double>();
        void OfferTime(int from, int to, double minutes) =>
            time[(from, to)] = time.TryGetValue((from, to), out var b) ? Math.Min(b, minutes) : minutes;

        for (var v = 0; v < n; v++)
        {
            OfferTime(n + v, (2 * n) + v, 0);
            for (var a = network.ArcStart[v]; a < network.ArcStart[v + 1]; a++)
            {
                OfferTime(v, network.ArcTo[a], network.ArcMinutes[a]);
                OfferTime((2 * n) + v, network.ArcTo[a], network.HandlingMinutes[v] + network.ArcMinutes[a]);
                OfferOne(v, network.ArcTo[a], network.ArcCostUsd[a], network.ArcCo2ePerTeu[a]);
            }
        }

        for (var s = 0; s < network.Services.Count; s++)
        {
            var total = network.ServiceTotalKm[s];
            var first = network.ServiceStopStart[s];
            for (var k = first + 1; k < network.ServiceStopStart[s + 1]; k++)
            {
                int from = network.StopTerminal[k - 1], to = network.StopTerminal[k];
                var travel = network.StopArrivalMinutes[k] - network.StopDepartureMinutes[k - 1];
                OfferTime(from, n + to, network.HandlingMinutes[from] + travel);
                OfferTime((2 * n) + from, n + to, network.HandlingMinutes[from] + travel);
                if (k - 1 > first)
                {
                    OfferTime(n + from, n + to, network.StopDepartureMinutes[k - 1] - network.StopArrivalMinutes[k - 1] + travel);
                }

                var km = network.StopCumulativeKm[k] - network.StopCumulativeKm[k - 1];
                OfferOne(
                    from,
                    to,
                    total > 0 ? network.ServicePriceUsd[s] * km / total : 0,
                    network.StopCumulativeCo2ePerTeu[k] - network.StopCumulativeCo2ePerTeu[k - 1]);
            }
        }

        _time = ReverseGraph.Of(n, 3, time.Select(e => (e.Key.From, e.Key.To, e.Value)));
        _cost = ReverseGraph.Of(n, 1, onePass.Select(e => (e.Key.From, e.Key.To, e.Value.Cost)));
        _co2e = ReverseGraph.Of(n, 1, onePass.Select(e => (e.Key.From, e.Key.To, e.Value.Co2e)));

        // Arriving in a terminal's yard costs its median dwell before the container moves on; aboard costs nothing more
        // than the stop already in the edge.
        _passing = new int[3 * n];
        Array.Copy(network.DwellP50Minutes, _passing, n);
        Array.Copy(network.DwellP50Minutes, 0, _passing, 2 * n, n);
    }

    /// <summary>The time node of terminal <paramref name="terminal"/>'s yard after alighting from a service.</summary>
    public static int AfterRide(int terminal, int terminals) => (2 * terminals) + terminal;

    /// <summary>
    /// Least remaining minutes (and, when asked, cost and CO2e) from every terminal to
    /// <paramref name="destination"/>. Each Dijkstra stops once it has gone twice as far as the bound of
    /// <paramref name="origin"/>; every node not reached by then gets that radius, which is still a lower bound
    /// (and keeps the time bound consistent for A*), so a query explores only the region it needs.
    /// </summary>
    public void Compute(int destination, int origin, bool costAndCo2e, SearchWorkspace ws)
    {
        Dijkstra(_time, destination, origin, ws.BoundMinutes, _passing, ws);
        if (costAndCo2e)
        {
            Dijkstra(_cost, destination, origin, ws.BoundCost, null, ws);
            Dijkstra(_co2e, destination, origin, ws.BoundCo2e, null, ws);
        }
    }

    /// <summary>Shortest distances to <paramref name="destination"/>, truncated as <see cref="Compute"/> says; <paramref name="atNode"/>, when given, is paid at every node reached before it.</summary>
    private static void Dijkstra(ReverseGraph graph, int destination, int origin, double[] distance, int[]? atNode, SearchWorkspace ws)
    {
        var nodes = graph.NodeCount;
        var reached = distance.AsSpan(0, nodes);
        reached.Fill(double.PositiveInfinity);
        var settled = ws.BoundSettled.AsSpan(0, nodes);
        settled.Clear();
        // Every layer's node of the destination is where the search ends: a container there has arrived.
        var queue = ws.BoundQueue;
        queue.Clear();
        for (var layer = destination; layer < nodes; layer += graph.Terminals)
        {
            distance[layer] = 0;
            queue.Enqueue(layer, 0);
        }

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
                for (var u = 0; u < nodes; u++)
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

            var passing = atNode is null || v % graph.Terminals == destination ? 0 : atNode[v];
            for (var e = graph.InStart[v]; e < graph.InStart[v + 1]; e++)
            {
                var u = graph.InFrom[e];
                var candidate = d + graph.Weight[e] + passing;
                if (candidate < distance[u])
                {
                    distance[u] = candidate;
                    queue.Enqueue(u, candidate);
                }
            }
        }
    }

    /// <summary>A graph's edges grouped by head, for Dijkstra from a destination; node v is terminal v % Terminals on layer v / Terminals.</summary>
    private sealed record ReverseGraph(int Terminals, int NodeCount, int[] InStart, int[] InFrom, double[] Weight)
    {
        public static ReverseGraph Of(int terminals, int layers, IEnumerable<(int From, int To, double Weight)> edges)
        {
            var nodeCount = terminals * layers;
            var sorted = edges.OrderBy(e => e.To).ThenBy(e => e.From).ToArray();
            var inStart = new int[nodeCount + 1];
            foreach (var e in sorted)
            {
                inStart[e.To + 1]++;
            }

            for (var i = 0; i < nodeCount; i++)
            {
                inStart[i + 1] += inStart[i];
            }

            return new ReverseGraph(terminals, nodeCount, inStart, sorted.Select(e => e.From).ToArray(), sorted.Select(e => e.Weight).ToArray());
        }
    }
}
