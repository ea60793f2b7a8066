using Caravan.Core.Telemetry;

namespace Caravan.Core.Simulation;

/// <summary>
/// Many virtual trackers stepped together through simulated time: <see cref="Due"/> hands out, per tracker, the readings
/// made up to a simulated instant and not handed out before. A tracker is finished once its last reading is out.
/// Not thread-safe: one driver steps it.
/// </summary>
public sealed class TrackerFleet
{
    private readonly List<Cursor> _cursors;

    public TrackerFleet(IEnumerable<VirtualTracker> trackers)
    {
        ArgumentNullException.ThrowIfNull(trackers);
        _cursors = trackers.Select(t => new Cursor(t)).ToList();
    }

    public int Count => _cursors.Count;

    public IReadOnlyList<VirtualTracker> Trackers => _cursors.Select(c => c.Tracker).ToList();

    /// <summary>How many trackers have sent their last reading.</summary>
    public int Finished => _cursors.Count(c => c.Done);

    public bool AllFinished => _cursors.TrueForAll(c => c.Done);

    /// <summary>Readings made at or before <paramref name="until"/>, per tracker, at most <paramref name="maxPerBatch"/> each call.</summary>
    public IReadOnlyList<FleetBatch> Due(DateTimeOffset until, int maxPerBatch = TelemetryJson.MaxBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerBatch, 1);
        var batches = new List<FleetBatch>();
        foreach (var cursor in _cursors)
        {
            var readings = cursor.Take(until, maxPerBatch);
            if (readings.Count > 0)
            {
                batches.Add(new FleetBatch(cursor.Tracker, readings));
            }
        }

        return batches;
    }

    private sealed class Cursor(VirtualTracker tracker)
    {
        private readonly IEnumerator<TrackerReading> _readings = tracker.Readings().GetEnumerator();
        private TrackerReading? _next;
        private bool _started;

        public VirtualTracker Tracker { get; } = tracker;

        public bool Done { get; private set; }

        public List<TrackerReading> Take(DateTimeOffset until, int max)
        {
            var taken = new List<TrackerReading>();
            if (!_started)
            {
                _started = true;
                Advance();
            }

            while (_next is { } next && next.Time <= until && taken.Count < max)
            {
                taken.Add(next);
                Advance();
            }

            return taken;
        }

        private void Advance()
        {
            if (_readings.MoveNext())
            {
                _next = _readings.Current;
            }
            else
            {
                _next = null;
                Done = true;
                _readings.Dispose();
            }
        }
    }
}
