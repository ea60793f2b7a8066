using Caravan.Core.Simulation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Simulation;

/// <summary>The replay clock: never ahead of the real clock, as fast as asked until it catches up, then real time.</summary>
public sealed class SimulationClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Replaying_fourteen_days_at_3600_times_catches_up_with_the_real_clock_after_336_seconds()
    {
        var clock = SimulationClock.Replaying(Start, TimeSpan.FromDays(14), 3600);

        Assert.Equal(Start - (TimeSpan.FromDays(14) * (3599.0 / 3600)), clock.SimulatedStart);
        Assert.Equal(Start + TimeSpan.FromSeconds(336), clock.CaughtUpAt);
        Assert.Equal(clock.SimulatedStart + TimeSpan.FromHours(1), clock.At(Start + TimeSpan.FromSeconds(1)));
        Assert.Equal(Start + TimeSpan.FromHours(2), clock.At(Start + TimeSpan.FromHours(2)));
    }

    [Property(MaxTest = 200)]
    public Property Simulated_time_never_runs_ahead_of_the_real_clock_and_never_goes_back() =>
        Prop.ForAll(
            Gen.Choose(1, 100_000).ToArbitrary(),
            Gen.Choose(0, 60 * 24 * 60).ToArbitrary(),
            Gen.ListOf(Gen.Choose(0, 100_000)).ToArbitrary(),
            (speed, spanMinutes, seconds) =>
            {
                var clock = SimulationClock.Replaying(Start, TimeSpan.FromMinutes(spanMinutes), speed);
                var reals = seconds.Select(s => Start + TimeSpan.FromSeconds(s)).Order().ToList();
                var simulated = reals.Select(clock.At).ToList();
                var notAhead = reals.Zip(simulated).All(p => p.Second <= p.First);
                var monotone = simulated.Zip(simulated.Skip(1)).All(p => p.First <= p.Second);
                return (notAhead && monotone).Label($"speed {speed}, span {spanMinutes} min");
            });

    [Fact]
    public void A_clock_cannot_start_ahead_of_the_real_clock_or_run_slower_than_real_time()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationClock(Start, Start + TimeSpan.FromSeconds(1), 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationClock(Start, Start, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulationClock.Replaying(Start, TimeSpan.FromDays(1), double.NaN));
    }
}
