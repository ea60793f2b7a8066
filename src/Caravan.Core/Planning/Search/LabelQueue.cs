namespace Caravan.Core.Planning.Search;

/// <summary>
/// The labels waiting to be settled, in the order they are settled: estimated arrival (arrival plus a lower bound on
/// the time still to go), then arrival, cost, CO2e and creation order (for determinism). A 4-ary heap of 16-byte
/// entries: estimate and arrival packed in one integer, compared first; only on a tie are cost and CO2e read from
/// the label array (labels never change them once added).
/// </summary>
internal sealed class LabelQueue
{
    private Entry[] _items = new Entry[1024];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>Adds label <paramref name="label"/>; <paramref name="estimate"/> and <paramref name="time"/> are planner minutes (never negative).</summary>
    public void Enqueue(int label, int estimate, int time, Label[] labels)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var item = new Entry(((long)estimate << 32) | (uint)time, label);
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            if (!Precedes(item, _items[parent], labels))
            {
                break;
            }

            _items[i] = _items[parent];
            i = parent;
        }

        _items[i] = item;
    }

    public bool TryDequeue(Label[] labels, out int label)
    {
        if (Count == 0)
        {
            label = -1;
            return false;
        }

        label = _items[0].Label;
        var last = _items[--Count];
        var i = 0;
        while (true)
        {
            var first = (i << 2) + 1;
            if (first >= Count)
            {
                break;
            }

            var best = first;
            var end = Math.Min(first + 4, Count);
            for (var c = first + 1; c < end; c++)
            {
                if (Precedes(_items[c], _items[best], labels))
                {
                    best = c;
                }
            }

            if (!Precedes(_items[best], last, labels))
            {
                break;
            }

            _items[i] = _items[best];
            i = best;
        }

        if (Count > 0)
        {
            _items[i] = last;
        }

        return true;
    }

    private static bool Precedes(in Entry a, in Entry b, Label[] labels)
    {
        if (a.Key != b.Key)
        {
            return a.Key < b.Key;
        }

        ref readonly var x = ref labels[a.Label];
        ref readonly var y = ref labels[b.Label];
        var c = x.Cost.CompareTo(y.Cost);
        if (c != 0)
        {
            return c < 0;
        }

        c = x.Co2e.CompareTo(y.Co2e);
        return c != 0 ? c < 0 : a.Label < b.Label;
    }

    private readonly record struct Entry(long Key, int Label);
}
