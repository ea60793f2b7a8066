using Caravan.Core.Telemetry;
using static Caravan.Core.Tests.Telemetry.GeofenceTrack;

namespace Caravan.Core.Tests.Telemetry;

public sealed class GeofenceTrackerTests
{
    private static readonly GeofenceTracker Tracker = new(Aktau);

    [Fact]
    public void Arriving_and_staying_past_the_dwell_is_one_entry_dated_at_the_first_reading_inside()
    {
        var (state, transitions) = Run(Tracker, [(0, 5000, 0), (5, 800, 0), (10, 300, 0), (15, 200, 0)]);

        var entered = Assert.Single(transitions);
        Assert.Equal(new GeofenceTransition(GeofenceTransitionKind.Entered, Aktau.Terminal, Start.AddMinutes(5)), entered);
        Assert.Equal(GeofenceSide.Inside, state.Confirmed);
    }

    [Fact]
    public void Entering_briefly_and_leaving_again_is_no_entry()
    {
        var (state, transitions) = Run(Tracker, [(0, 5000, 0), (1, 900, 0), (9, 900, 0), (10, 1300, 0), (30, 5000, 0)]);

        Assert.Empty(transitions);
        Assert.Equal(GeofenceSide.Outside, state.Confirmed);
    }

    [Fact]
    public void Leaving_needs_a_reading_beyond_the_radius_times_the_hysteresis()
    {
        var inside = Run(Tracker, [(0, 0, 0)]).State;

        // 1,200 m is outside the 1 km radius but within 1.25 km: the device has not left, however long it stays.
        var (state, transitions) = Run(Tracker, [(10, 1200, 0), (30, 1200, 90), (60, 1240, 180)], inside);

        Assert.Empty(transitions);
        Assert.Equal(GeofenceSide.Inside, state.Confirmed);
        Assert.Equal(GeofenceSide.Inside, state.Indicated);
    }

    [Fact]
    public void Leaving_is_dated_at_the_first_reading_beyond_and_band_readings_do_not_cancel_it()
    {
        var inside = Run(Tracker, [(0, 0, 0)]).State;

        var (state, transitions) = Run(Tracker, [(10, 1300, 0), (15, 1100, 0), (20, 1100, 0)], inside);

        Assert.Equal([new GeofenceTransition(GeofenceTransitionKind.Left, Aktau.Terminal, Start.AddMinutes(10))], transitions);
        Assert.Equal(GeofenceSide.Outside, state.Confirmed);
    }

    [Fact]
    public void The_first_clear_reading_sets_the_side_without_a_transition()
    {
        var (state, transitions) = Run(Tracker, [(0, 1100, 0), (1, 100, 0), (60, 100, 0)]);

        Assert.Empty(transitions);
        Assert.Equal(GeofenceSide.Inside, state.Confirmed);
    }

    [Fact]
    public void A_reading_in_the_band_before_any_clear_one_leaves_the_side_unknown() =>
        Assert.Equal(GeofenceSide.Unknown, Run(Tracker, [(0, 1100, 0)]).State.Confirmed);

    [Fact]
    public void Readings_not_newer_than_the_last_applied_are_ignored()
    {
        var outside = Run(Tracker, [(0, 5000, 0), (20, 5000, 0)]).State;

        // Late readings from inside, older than minute 20, would have been an entry had they arrived in time.
        var (state, transitions) = Run(Tracker, [(5, 100, 0), (19, 100, 0), (20, 100, 0)], outside);

        Assert.Empty(transitions);
        Assert.Same(outside, state);
    }

    [Fact]
    public void A_zero_dwell_confirms_on_the_first_reading_on_the_new_side()
    {
        var tracker = new GeofenceTracker(Aktau, new GeofenceRules { MinimumDwell = TimeSpan.Zero, Hysteresis = 1 });

        var (_, transitions) = Run(tracker, [(0, 5000, 0), (1, 999, 0), (2, 1001, 0)]);

        Assert.Equal([GeofenceTransitionKind.Entered, GeofenceTransitionKind.Left], transitions.Select(t => t.Kind));
    }

    [Fact]
    public void The_tracker_reads_the_time_and_position_of_a_reading()
    {
        var device = DeviceId.Parse("trk-1");
        var step = Tracker.Apply(GeofenceState.Initial, new TrackerReading(device, Start, At(100)));

        Assert.Equal(GeofenceSide.Inside, step.State.Confirmed);
        Assert.Equal(Start, step.State.LastReadingTime);
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(double.NaN)]
    public void A_hysteresis_below_one_is_refused(double factor) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeofenceRules { Hysteresis = factor });

    [Fact]
    public void A_negative_dwell_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeofenceRules { MinimumDwell = TimeSpan.FromSeconds(-1) });

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.PositiveInfinity)]
    public void A_geofence_needs_a_positive_radius(double radius) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TerminalGeofence(Aktau.Terminal, Aktau.Centre, radius));
}
