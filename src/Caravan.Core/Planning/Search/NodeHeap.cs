namespace Caravan.Core.Planning.Search;

/// <summary>
/// A binary min-heap of (whole-minute distance, terminal) pairs packed in one <see cref="long"/> each, for the
/// time lower bound's Dijkstra: comparing one integer per step is cheaper than a priority queue of separate element
/// and priority. Ties on distance pop the lower terminal first.
/// </summary>
internal sealed class NodeHeap
{
    private long[] _items = new long[1024];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Push(int distance, int node)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var item = ((long)distance << 32) | (uint)node;
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_items[parent] <= item)
            {
                break;
            }

            _items[i] = _items[parent];
            i = parent;
        }

        _items[i] = item;
    }

    /// <summary>
    /// Relaxes edges packed as (whole minutes in the high half, the other end in the low half) from a node reached at
    /// <paramref name="through"/>: every other end whose <paramref name="distance"/> that shortens gets the shorter one
    /// and is pushed.
    /// </summary>
    public void Relax(ReadOnlySpan<long> edges, int through, int[] distance)
    {
        foreach (var edge in edges)
        {
            var node = (int)(uint)edge;
            var candidate = through + (int)(edge >> 32);
            if (candidate < distance[node])
            {
                distance[node] = candidate;
                Push(candidate, node);
            }
        }
    }

    public bool TryPop(out int node, out int distance)
    {
        if (Count == 0)
        {
            node = 0;
            distance = 0;
            return false;
        }

        var top = _items[0];
        node = (int)(uint)top;
        distance = (int)(top >> 32);
        var last = _items[--Count];
        var i = 0;
        var half = Count >> 1;
        while (i < half)
        {
            var child = (2 * i) + 1;
            if (child + 1 < Count && _items[child + 1] < _items[child])
            {
                child++;
            }

            if (last <= _items[child])
            {
                break;
            }

            _items[i] = _items[child];
            i = child;
        }

        if (Count > 0)
        {
            _items[i] = last;
        }

        return true;
    }
}
