namespace Caravan.Core.Telemetry;

/// <summary>
/// Which of a device's old readings to keep when its past is thinned to one reading per interval: the first reading of
/// every interval (intervals aligned to multiples of the interval in UTC), and every reading an alert or an audit may
/// need — the door open, the door closing after it was open, a shock of at least <see cref="KeepShockG"/>, and a
/// temperature that moved at least <see cref="KeepTemperatureStepC"/> from the last one kept (so an excursion keeps its
/// shape). Pure and idempotent: thinning what it kept keeps it all.
/// </summary>
public sealed class ReadingDownsampler
{
    /// <param name="keepShockG">A reading with at least this peak acceleration is kept (g, &gt; 0).</param>
    /// <param name="keepTemperatureStepC">A reading whose temperature differs by at least this from the last kept temperature is kept (°C, &gt; 0).</param>
    public ReadingDownsampler(double keepShockG, double keepTemperatureStepC)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keepShockG);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keepTemperatureStepC);
        KeepShockG = keepShockG;
        KeepTemperatureStepC = keepTemperatureStepC;
    }

    /// <summary>A shock at or above this (g) is always kept.</summary>
    public double KeepShockG { get; }

    /// <summary>A temperature this far (°C) or farther from the last kept temperature is always kept.</summary>
    public double KeepTemperatureStepC { get; }

    /// <summary>
    /// The readings of <paramref name="readings"/> (one device, in time order) to drop. <paramref name="previous"/> is
    /// the reading stored just before them, if any — it was kept, and a reading in its interval is not the first there.
    /// </summary>
    public IReadOnlyList<TrackerReading> Dropped(TrackerReading? previous, IReadOnlyList<TrackerReading> readings, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var dropped = new List<TrackerReading>();
        var lastKeptSlot = previous is null ? (long?)null : Slot(previous.Time, interval);
        var lastKeptTemperature = previous?.TemperatureC;
        var lastDoor = previous?.Door;
        foreach (var reading in readings)
        {
            var slot = Slot(reading.Time, interval);
            var keep = slot != lastKeptSlot
                || reading.Door == DoorState.Open
                || (reading.Door == DoorState.Closed && lastDoor == DoorState.Open)
                || reading.ShockG >= KeepShockG
                || (reading.TemperatureC is { } t && (lastKeptTemperature is not { } kept || Math.Abs(t - kept) >= KeepTemperatureStepC));
            if (reading.Door is { } door)
            {
                lastDoor = door;
            }

            if (!keep)
            {
                dropped.Add(reading);
                continue;
            }

            lastKeptSlot = slot;
            lastKeptTemperature = reading.TemperatureC ?? lastKeptTemperature;
        }

        return dropped;
    }

    private static long Slot(DateTimeOffset time, TimeSpan interval) => time.UtcTicks / interval.Ticks;
}
