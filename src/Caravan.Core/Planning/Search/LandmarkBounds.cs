using System.Numerics;
using Caravan.Core.Network;

namespace Caravan.Core.Planning.Search;

/// <summary>
/// Landmark (ALT) lower bounds on the minutes still to go, precomputed once per network: shortest times to and from a
/// few landmark terminals over a three-layer time graph, from which the triangle inequality bounds the time from any
/// terminal to any destination without a search per query.
/// <para>
/// The graph has three nodes per terminal: its yard (a container that arrived on a continuous run), aboard a service
/// calling there, and its yard after alighting. An edge pays what leaving its tail costs at least, then the move:
/// from a yard the median dwell (and the handling to board, or to move on after a ride: any move after a ride is a
/// transfer); staying aboard only the service's scheduled stop; a continuous move its arc's minutes, a ride segment its
/// scheduled travel. A label's estimate is its node's distance to the destination, where a container has arrived once
/// it reaches the destination's yard or is aboard a service calling there.
/// </para>
/// <para>
/// For a landmark L and destination d: dist(x, d) ≥ dist(x, L) − dist(d, L) and dist(x, d) ≥ dist(L, d) − dist(L, x).
/// Each bound, and so their maximum over the landmarks, is a feasible potential (consistent), which is what lets the
/// earliest-arrival search stop at the first destination label it settles.
/// </para>
/// </summary>
internal sealed class LandmarkBounds
{
    /// <summary>How many landmarks a planner precomputes: 16 on the continental network cut earliest-arrival labels by 15 %, 32 by 17 %.</summary>
    public const int DefaultCount = 16;

    /// <summary>A distance standing for "not reachable" in the tables (<see cref="ThreeLayerTimeGraph.Infinite"/>).</summary>
    private const int Infinite = ThreeLayerTimeGraph.Infinite;

    /// <summary>Bounds at or above this came from an infinite distance on one side: the destination cannot be reached.</summary>
    private const int UnreachableAbove = 1 << 28;

    private readonly int _terminals;
    private readonly int _count;

    /// <summary>dist(node, landmark i) at [node × count + i].</summary>
    private readonly int[] _to;

    /// <summary>dist(landmark i, node) at [node × count + i].</summary>
    private readonly int[] _from;

    public LandmarkBounds(CorridorNetwork network, int landmarks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(landmarks, 1);
        var n = network.Terminals.Count;
        _terminals = n;
        _count = landmarks;
        var graph = ThreeLayerTimeGraph.Of(network);
        var nodes = 3 * n;
        _to = new int[nodes * landmarks];
        _from = new int[nodes * landmarks];
        var heap = new NodeHeap();
        var distance = new int[nodes];
        var back = new int[nodes];

        // Farthest-point selection: the first landmark is the yard farthest from terminal 0, each next one the yard
        // farthest (there and back) from every landmark chosen so far.
        var nearest = new long[n];
        Array.Fill(nearest, long.MaxValue);
        graph.Run(forward: true, source: 0, heap, distance);
        var landmark = Farthest(distance.AsSpan(0, n));
        Landmarks = new int[landmarks];
        for (var i = 0; i < landmarks; i++)
        {
            Landmarks[i] = landmark;
            graph.Run(forward: true, landmark, heap, distance);
            graph.Run(forward: false, landmark, heap, back);
            for (var x = 0; x < nodes; x++)
            {
                _from[(x * landmarks) + i] = distance[x];
                _to[(x * landmarks) + i] = back[x];
            }

            for (var v = 0; v < n; v++)
            {
                if (distance[v] < Infinite && back[v] < Infinite)
                {
                    nearest[v] = Math.Min(nearest[v], (long)distance[v] + back[v]);
                }
            }

            var next = 0;
            for (var v = 1; v < n; v++)
            {
                if (nearest[v] != long.MaxValue && nearest[v] > nearest[next])
                {
                    next = v;
                }
            }

            landmark = next;
        }
    }

    /// <summary>The landmarks' terminals, in the order chosen.</summary>
    public int[] Landmarks { get; }

    /// <summary>How many landmarks there are (the length of the spans <see cref="Prepare"/> fills).</summary>
    public int Count => _count;

    /// <summary>Bytes held by the distance tables.</summary>
    public long TableBytes => ((long)_to.Length + _from.Length) * sizeof(int);

    /// <summary>
    /// The destination's side of the bounds, once per query: for each landmark the most time from a node where a
    /// container has arrived at <paramref name="destination"/> to the landmark, and the least from the landmark to one.
    /// </summary>
    public void Prepare(int destination, Span<int> toLandmark, Span<int> fromLandmark)
    {
        var yard = destination * _count;
        var aboard = (_terminals + destination) * _count;
        for (var i = 0; i < _count; i++)
        {
            toLandmark[i] = Math.Max(_to[yard + i], _to[aboard + i]);
            fromLandmark[i] = Math.Min(_from[yard + i], _from[aboard + i]);
        }
    }

    /// <summary>
    /// A lower bound on the minutes from <paramref name="terminal"/>'s yard (or its yard after alighting, when
    /// <paramref name="afterRide"/>) to the destination <see cref="Prepare"/> was given, including the median dwell
    /// still to pay there; <see cref="LowerBoundGraph.Unreachable"/> when the destination cannot be reached.
    /// </summary>
    public int Minutes(int terminal, bool afterRide, ReadOnlySpan<int> toLandmark, ReadOnlySpan<int> fromLandmark)
    {
        var node = afterRide ? (2 * _terminals) + terminal : terminal;
        var to = _to.AsSpan(node * _count, _count);
        var from = _from.AsSpan(node * _count, _count);
        var best = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && _count >= Vector<int>.Count)
        {
            var max = Vector<int>.Zero;
            for (; i <= _count - Vector<int>.Count; i += Vector<int>.Count)
            {
                var forward = new Vector<int>(to[i..]) - new Vector<int>(toLandmark[i..]);
                var backward = new Vector<int>(fromLandmark[i..]) - new Vector<int>(from[i..]);
                max = Vector.Max(max, Vector.Max(forward, backward));
            }

            for (var j = 0; j < Vector<int>.Count; j++)
            {
                best = Math.Max(best, max[j]);
            }
        }

        for (; i < _count; i++)
        {
            best = Math.Max(best, Math.Max(to[i] - toLandmark[i], fromLandmark[i] - from[i]));
        }

        return best >= UnreachableAbove ? LowerBoundGraph.Unreachable : best;
    }

    private static int Farthest(ReadOnlySpan<int> distance)
    {
        var far = 0;
        for (var v = 1; v < distance.Length; v++)
        {
            if (distance[v] < Infinite && (distance[far] >= Infinite || distance[v] > distance[far]))
            {
                far = v;
            }
        }

        return far;
    }
}
