using Caravan.Core.Network;

namespace Caravan.Core.Planning.Search;

/// <summary>
/// The network reversed, with the least time, cost and CO2e of any single move between two terminals (a
/// continuous arc or one service segment; no waits, handling or dwell). Dijkstra over it from the destination
/// gives admissible lower bounds for pruning labels that cannot improve on the itineraries already found.
/// </summary>
internal sealed class LowerBoundGraph
{
    private readonly int[] _inStart;
    private readonly int[] _inFrom;
    private readonly double[] _minutes;
    private readonly double[] _cost;
    private readonly double[] _co2e;

    public LowerBoundGraph(CorridorNetwork network)
    {
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
        _minutes = edges.Select(e => e.Value.Minutes).ToArray();
        _cost = edges.Select(e => e.Value.Cost).ToArray();
        _co2e = edges.Select(e => e.Value.Co2e).ToArray();
    }

    /// <summary>Least remaining minutes, cost and CO2e from every terminal to <paramref name="destination"/>.</summary>
    public void Compute(int destination, double[] minutes, double[] cost, double[] co2e)
    {
        Dijkstra(destination, _minutes, minutes);
        Dijkstra(destination, _cost, cost);
        Dijkstra(destination, _co2e, co2e);
    }

    private void Dijkstra(int destination, double[] weight, double[] distance)
    {
        Array.Fill(distance, double.PositiveInfinity);
        distance[destination] = 0;
        var queue = new PriorityQueue<int, double>();
        queue.Enqueue(destination, 0);
        while (queue.TryDequeue(out var v, out var d))
        {
            if (d > distance[v])
            {
                continue;
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
