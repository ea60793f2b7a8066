namespace Caravan.Core.Telemetry;

/// <summary>
/// One device's progress along its shipment's <see cref="ProgressRoute"/>: a <see cref="StopProgress"/> per stop, the
/// furthest stop reached, and the time of the last reading applied. Immutable, so the server can store it as it is.
/// </summary>
/// <param name="Stops">One entry per stop of the route, in route order.</param>
/// <param name="Reached">The index of the furthest stop the container has been observed at; -1 before any.</param>
/// <param name="LastReadingTime">The time of the last reading applied; older or equal readings are ignored.</param>
public sealed record ProgressState(IReadOnlyList<StopProgress> Stops, int Reached, DateTimeOffset? LastReadingTime)
{
    /// <summary>The state before any reading, for a route of <paramref name="stopCount"/> stops.</summary>
    public static ProgressState Initial(int stopCount) => new(Enumerable.Repeat(StopProgress.Initial, stopCount).ToList(), -1, null);

    /// <summary>The stop the container is at (observed inside, not yet departed), or null while it is between stops.</summary>
    public int? AtStop
    {
        get
        {
            for (var i = Stops.Count - 1; i >= 0; i--)
            {
                if (Stops[i].Inside)
                {
                    return i;
                }
            }

            return null;
        }
    }
}
