namespace Caravan.Core.Planning.Search;

/// <summary>
/// For multi-criteria searches: per trip boarded (service and start time), the boardings no other boarding of that
/// trip covers (<see cref="TripBoarding.Covers"/>). An open-addressing table of trips, each holding a segment of one
/// shared array of boardings: a lookup reads one slot and one run of boardings side by side, where a dictionary of
/// lists read its buckets, an entry, a list and the list's array. Cleared per search, keeping its memory.
/// </summary>
internal sealed class TripBoardingTable
{
    private const long Empty = -1;

    private Trip[] _trips = NewTrips(1 << 12);
    private readonly List<int> _usedTrips = [];
    private TripBoarding[] _boardings = new TripBoarding[1 << 14];
    private int _boardingCount;

    /// <summary>
    /// True when a boarding of <paramref name="service"/>'s trip starting at <paramref name="tripStart"/> already
    /// covers <paramref name="boarding"/>; otherwise records it and drops the boardings it covers, and
    /// <paramref name="coveredBeyond"/> is the first stop downstream where a recorded boarding of the trip, no dearer
    /// and no dirtier, was made (<see cref="TripBoarding.CoversBeyond"/>): beyond that stop the new boarding arrives
    /// nowhere better, so its ride needs scanning only up to it. <see cref="int.MaxValue"/> when there is none.
    /// </summary>
    public bool IsCovered(int service, int tripStart, in TripBoarding boarding, bool compareTransfers, out int coveredBeyond)
    {
        coveredBeyond = int.MaxValue;
        var key = ((long)service << 32) | (uint)tripStart;
        var mask = _trips.Length - 1;
        var slot = Slot(key, mask);
        while (_trips[slot].Key != key)
        {
            if (_trips[slot].Key == Empty)
            {
                AddTrip(slot, key, boarding);
                return false;
            }

            slot = (slot + 1) & mask;
        }

        ref var trip = ref _trips[slot];
        var span = _boardings.AsSpan(trip.Start, trip.Count);
        foreach (ref readonly var existing in span)
        {
            if (existing.Covers(boarding, compareTransfers))
            {
                return true;
            }

            if (existing.CoversBeyond(boarding, compareTransfers))
            {
                coveredBeyond = Math.Min(coveredBeyond, existing.Stop);
            }
        }

        var kept = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (!boarding.Covers(span[i], compareTransfers))
            {
                span[kept++] = span[i];
            }
        }

        if (kept == trip.Capacity)
        {
            // The segment is full: move it to the end of the array with twice the room (the old one is left unused
            // until the next search).
            var start = Reserve(trip.Capacity * 2);
            Array.Copy(_boardings, trip.Start, _boardings, start, kept);
            trip.Start = start;
            trip.Capacity *= 2;
        }

        _boardings[trip.Start + kept] = boarding;
        trip.Count = kept + 1;
        return false;
    }

    public void Clear()
    {
        foreach (var slot in _usedTrips)
        {
            _trips[slot].Key = Empty;
        }

        _usedTrips.Clear();
        _boardingCount = 0;
    }

    private void AddTrip(int slot, long key, in TripBoarding boarding)
    {
        // Most trips are boarded once or twice (a Pareto query of the continental profile run touched up to a million
        // trips with about 3.5 boardings tried each): a segment starts with room for one and doubles when full.
        const int FirstCapacity = 1;
        var start = Reserve(FirstCapacity);
        _boardings[start] = boarding;
        _trips[slot] = new Trip { Key = key, Start = start, Count = 1, Capacity = FirstCapacity };
        _usedTrips.Add(slot);
        if (_usedTrips.Count * 2 > _trips.Length)
        {
            Grow();
        }
    }

    private int Reserve(int count)
    {
        if (_boardingCount + count > _boardings.Length)
        {
            Array.Resize(ref _boardings, Math.Max(_boardings.Length * 2, _boardingCount + count));
        }

        var start = _boardingCount;
        _boardingCount += count;
        return start;
    }

    private void Grow()
    {
        var old = _trips;
        _trips = NewTrips(old.Length * 2);
        var mask = _trips.Length - 1;
        _usedTrips.Clear();
        foreach (var trip in old)
        {
            if (trip.Key == Empty)
            {
                continue;
            }

            var slot = Slot(trip.Key, mask);
            while (_trips[slot].Key != Empty)
            {
                slot = (slot + 1) & mask;
            }

            _trips[slot] = trip;
            _usedTrips.Add(slot);
        }
    }

    private static int Slot(long key, int mask) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> 32) & mask;

    private static Trip[] NewTrips(int length)
    {
        var trips = new Trip[length];
        Array.Fill(trips, new Trip { Key = Empty });
        return trips;
    }

    /// <summary>A trip's key (service in the high half, start in the low half) and its segment of boardings.</summary>
    private struct Trip
    {
        public long Key;
        public int Start;
        public int Count;
        public int Capacity;
    }
}
