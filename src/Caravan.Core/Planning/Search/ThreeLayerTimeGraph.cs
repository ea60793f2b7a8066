using System.Runtime.InteropServices;
using Caravan.Core.Network;

namespace Caravan.Core.Planning.Search;

/// <summary>
/// The three-layer time graph the landmark bounds are computed on (<see cref="LandmarkBounds"/> says what its nodes and
/// edges stand for): three nodes per terminal — its yard, aboard a service calling there, its yard after alighting —
/// with the least minutes of every move between them, edges grouped by tail (forward) and by head (backward).
/// </summary>
internal sealed class ThreeLayerTimeGraph
{
    /// <summary>A distance standing for "not reachable": far above any real one, low enough to subtract without overflow.</summary>
    public const int Infinite = 1 << 29;

    private int[] _outStart = [];
    private long[] _out = [];
    private int[] _inStart = [];
    private long[] _in = [];

    public static ThreeLayerTimeGraph Of(CorridorNetwork network)
    {
        var n = network.Terminals.Count;
        var edges = new Dictionary<long, int>();
        void Offer(int from, int to, int minutes)
        {
            var key = ((long)from << 32) | (uint)to;
            ref var best = ref CollectionsMarshal.GetValueRefOrAddDefault(edges, key, out var exists);
            best = exists ? Math.Min(best, minutes) : minutes;
        }

        var dwell = network.DwellP50Minutes;
        var handling = network.HandlingMinutes;
        for (var v = 0; v < n; v++)
        {
            // Aboard a service calling at v to v's yard after alighting: nothing more than the ride already paid.
            Offer(n + v, (2 * n) + v, 0);
            for (var a = network.ArcStart[v]; a < network.ArcStart[v + 1]; a++)
            {
                var to = network.ArcTo[a];
                Offer(v, to, dwell[v] + network.ArcMinutes[a]);
                Offer((2 * n) + v, to, dwell[v] + handling[v] + network.ArcMinutes[a]);
            }
        }

        for (var s = 0; s < network.Services.Count; s++)
        {
            var first = network.ServiceStopStart[s];
            for (var k = first + 1; k < network.ServiceStopStart[s + 1]; k++)
            {
                int from = network.StopTerminal[k - 1], to = network.StopTerminal[k];
                var travel = network.StopArrivalMinutes[k] - network.StopDepartureMinutes[k - 1];
                Offer(from, n + to, dwell[from] + handling[from] + travel);
                Offer((2 * n) + from, n + to, dwell[from] + handling[from] + travel);
                if (k - 1 > first)
                {
                    Offer(n + from, n + to, network.StopDepartureMinutes[k - 1] - network.StopArrivalMinutes[k - 1] + travel);
                }
            }
        }

        var nodes = 3 * n;
        var graph = new ThreeLayerTimeGraph();
        (graph._outStart, graph._out) = Group(nodes, edges, byTail: true);
        (graph._inStart, graph._in) = Group(nodes, edges, byTail: false);
        return graph;
    }

    /// <summary>Distances from <paramref name="source"/> (forward) or to it (backward), <see cref="Infinite"/> where there is no path.</summary>
    public void Run(bool forward, int source, NodeHeap heap, int[] distance)
    {
        var start = forward ? _outStart : _inStart;
        var edges = forward ? _out : _in;
        Array.Fill(distance, Infinite);
        distance[source] = 0;
        heap.Clear();
        heap.Push(0, source);
        while (heap.TryPop(out var v, out var d))
        {
            if (d > distance[v])
            {
                continue;
            }

            heap.Relax(edges.AsSpan(start[v], start[v + 1] - start[v]), d, distance);
        }
    }

    /// <summary>Edges grouped by tail (the other end and minutes packed in one long) or by head.</summary>
    private static (int[] Start, long[] Edges) Group(int nodes, Dictionary<long, int> edges, bool byTail)
    {
        var start = new int[nodes + 1];
        foreach (var key in edges.Keys)
        {
            start[(byTail ? (int)(key >> 32) : (int)(uint)key) + 1]++;
        }

        for (var i = 0; i < nodes; i++)
        {
            start[i + 1] += start[i];
        }

        var fill = (int[])start.Clone();
        var packed = new long[edges.Count];
        foreach (var (key, minutes) in edges.OrderBy(e => e.Key))
        {
            var tail = (int)(key >> 32);
            var head = (int)(uint)key;
            var (group, other) = byTail ? (tail, head) : (head, tail);
            packed[fill[group]++] = ((long)checked(minutes) << 32) | (uint)other;
        }

        return (start, packed);
    }
}
