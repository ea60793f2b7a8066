namespace Caravan.Core.Simulation;

/// <summary>
/// Simulated time for trackers replayed faster than real time. Readings can never be stamped later than the real
/// clock (servers refuse readings from the future), so a sped-up simulation replays the recent past: simulated time
/// starts at <see cref="SimulatedStart"/>, runs <see cref="Speed"/> times faster than real time, and catches up with the
/// real clock at <see cref="CaughtUpAt"/>; from then on it is the real time.
/// </summary>
public sealed record SimulationClock
{
    public SimulationClock(DateTimeOffset realStart, DateTimeOffset simulatedStart, double speed)
    {
        if (!double.IsFinite(speed) || speed < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed is a finite factor of at least 1.");
        }

        if (simulatedStart > realStart)
        {
            throw new ArgumentOutOfRangeException(nameof(simulatedStart), simulatedStart, "Simulated time cannot start ahead of the real clock.");
        }

        RealStart = realStart;
        SimulatedStart = simulatedStart;
        Speed = speed;
    }

    public DateTimeOffset RealStart { get; }

    public DateTimeOffset SimulatedStart { get; }

    /// <summary>Simulated seconds per real second until caught up.</summary>
    public double Speed { get; }

    /// <summary>The real (and simulated) time at which simulated time reaches the real clock.</summary>
    public DateTimeOffset CaughtUpAt => Speed <= 1
        ? (SimulatedStart == RealStart ? RealStart : DateTimeOffset.MaxValue)
        : RealStart + ((RealStart - SimulatedStart) / (Speed - 1));

    /// <summary>
    /// A clock that replays <paramref name="span"/> of simulated time and catches up with the real clock exactly when
    /// it has done so: it starts <paramref name="span"/> × (speed − 1) / speed before <paramref name="realStart"/> and
    /// catches up after <paramref name="span"/> / speed of real time.
    /// </summary>
    public static SimulationClock Replaying(DateTimeOffset realStart, TimeSpan span, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        if (!double.IsFinite(speed) || speed < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed is a finite factor of at least 1.");
        }

        return new SimulationClock(realStart, realStart - (span * ((speed - 1) / speed)), speed);
    }

    /// <summary>Simulated time at real time <paramref name="real"/>; never later than <paramref name="real"/>.</summary>
    public DateTimeOffset At(DateTimeOffset real)
    {
        if (real <= RealStart)
        {
            return SimulatedStart;
        }

        var elapsed = (real - RealStart).TotalSeconds * Speed;
        var simulated = elapsed >= (DateTimeOffset.MaxValue - SimulatedStart).TotalSeconds ? real : SimulatedStart + TimeSpan.FromSeconds(elapsed);
        return simulated > real ? real : simulated;
    }
}
