using Caravan.Core.Alerts;
using Caravan.Core.Geography;
using Caravan.Core.Telemetry;
using static Caravan.Core.Tests.Alerts.AlertRun;

namespace Caravan.Core.Tests.Alerts;

public sealed class ReadingRuleTests
{
    private static readonly TerminalGeofence AktauPort = new(Locode.Parse("KZAAU"), Aktau, 1000);

    // Points due north of Aktau: 0.01° of latitude is 1.11 km.
    private static GeoPoint North(double km) => new(Aktau.Latitude + (km / 111.195), Aktau.Longitude);

    [Fact]
    public void A_shock_opens_at_once_and_resolves_after_a_quiet_hour()
    {
        var rule = new ShockRule(4, 0.8, new AlertLatch(TimeSpan.Zero, TimeSpan.FromHours(1)));
        var readings = new[] { (0, 0.2), (5, 6.5), (10, 0.3), (40, 0.2), (70, 0.1), (80, 0.1) }
            .Select(p => At(p.Item1) with { ShockG = p.Item2 });

        var (_, changes) = Run(rule, readings);

        Assert.Equal([(AlertChange.Open, Start.AddMinutes(5)), (AlertChange.Resolve, Start.AddMinutes(10))], changes.Select(c => (c.Change, c.At)));
        Assert.Contains("6.5 g", changes[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Shocks_near_the_threshold_neither_resolve_nor_reopen()
    {
        var rule = new ShockRule(4, 0.8, new AlertLatch(TimeSpan.Zero, TimeSpan.FromHours(1)));
        var readings = new[] { (0, 5.0), (30, 3.5), (60, 3.9), (90, 3.3), (120, 4.0) }.Select(p => At(p.Item1) with { ShockG = p.Item2 });

        var (state, changes) = Run(rule, readings);

        Assert.Equal([AlertChange.Open], changes.Select(c => c.Change));
        Assert.True(state.IsOpen);
    }

    [Fact]
    public void A_door_opened_en_route_opens_the_alert_and_closing_it_resolves()
    {
        var rule = new DoorRule([AktauPort], 1.25, new AlertLatch(TimeSpan.FromMinutes(2), TimeSpan.Zero));
        var readings = new[]
        {
            At(0, North(50)) with { Door = DoorState.Closed },
            At(10, North(50)) with { Door = DoorState.Open },
            At(13, North(50)) with { Door = DoorState.Open },
            At(20, North(51)) with { Door = DoorState.Closed },
        };

        var (_, changes) = Run(rule, readings);

        Assert.Equal([(AlertChange.Open, Start.AddMinutes(10)), (AlertChange.Resolve, Start.AddMinutes(20))], changes.Select(c => (c.Change, c.At)));
        Assert.Contains("KZAAU", changes[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_door_opened_at_a_terminal_or_jittering_at_its_boundary_is_no_alert()
    {
        var rule = new DoorRule([AktauPort], 1.25, new AlertLatch(TimeSpan.FromMinutes(2), TimeSpan.Zero));
        // Within 1 km is the terminal; 1.0–1.25 km is the band, which never raises.
        var readings = new[] { 0.2, 0.9, 1.1, 1.2, 0.95, 1.24, 0.5 }
            .Select((km, i) => At(i * 5, North(km)) with { Door = DoorState.Open });

        var (_, changes) = Run(rule, readings);

        Assert.Empty(changes);
    }

    [Fact]
    public void The_distance_to_a_segment_is_measured_on_the_sphere()
    {
        var a = new GeoPoint(0, 0);
        var b = new GeoPoint(0, 10);

        // One degree of arc off the equator segment, abeam its middle, before its start and past its end.
        Assert.Equal(111.2, CorridorPath.DistanceToSegmentKm(new GeoPoint(1, 5), a, b), 1);
        Assert.Equal(new GeoPoint(1, -1).DistanceKmTo(a), CorridorPath.DistanceToSegmentKm(new GeoPoint(1, -1), a, b), 6);
        Assert.Equal(new GeoPoint(0, 12).DistanceKmTo(b), CorridorPath.DistanceToSegmentKm(new GeoPoint(0, 12), a, b), 6);
        Assert.Equal(0, CorridorPath.DistanceToSegmentKm(new GeoPoint(0, 3), a, b), 6);
    }

    [Fact]
    public void A_leg_longer_than_the_straight_line_allows_its_detour()
    {
        var a = new GeoPoint(0, 0);
        var b = new GeoPoint(0, 10);
        var straight = a.DistanceKmTo(b);
        var winding = new CorridorPath([(a, b, straight * 1.2)]);

        // A path 20 % longer than the chord can reach sqrt(1.2² − 1) / 2 ≈ 0.33 of the chord off it.
        var allowance = Math.Sqrt((1.44 * straight * straight) - (straight * straight)) / 2;
        Assert.Equal(allowance, winding.Segments[0].AllowanceKm, 6);
        Assert.Equal(0, winding.DeviationKm(new GeoPoint(2, 5)));
        Assert.Equal(new GeoPoint(6, 5).DistanceKmTo(new GeoPoint(0, 5)) - allowance, winding.DeviationKm(new GeoPoint(6, 5)), 0);
    }

    [Fact]
    public void Straying_from_the_corridor_opens_a_deviation_alert_and_returning_resolves_it()
    {
        var path = new CorridorPath([(Aktau, new GeoPoint(40.35, 49.85), 460)]);
        var rule = new RouteDeviationRule(path, 50, 0.8, new AlertLatch(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30)));
        var off = new GeoPoint(Aktau.Latitude, Aktau.Longitude + 3);
        var readings = new[] { At(0), At(30, off), At(45, off), At(60, off), At(90), At(100), At(120) };

        var (state, changes) = Run(rule, readings);

        Assert.Equal([(AlertChange.Open, Start.AddMinutes(30)), (AlertChange.Resolve, Start.AddMinutes(90))], changes.Select(c => (c.Change, c.At)));
        Assert.Contains("km off the itinerary's corridor", changes[0].Detail, StringComparison.Ordinal);
        Assert.False(state.IsOpen);
    }

    [Fact]
    public void A_device_is_silent_once_its_newest_fix_is_older_than_its_timeout()
    {
        var rule = new SilenceRule(TimeSpan.FromHours(3));
        var latch = new AlertLatch(TimeSpan.Zero, TimeSpan.Zero);
        var lastFix = Start;
        var state = AlertLatchState.Initial;
        var changes = new List<AlertChange>();
        foreach (var (hours, heard) in new[] { (1.0, false), (3.0, false), (3.5, false), (4.0, false), (4.5, true), (5.0, false), (7.0, false) })
        {
            var now = Start.AddHours(hours);
            lastFix = heard ? now : lastFix;
            var step = latch.Apply(state, now, rule.Judge(Device, lastFix, now));
            state = step.State;
            changes.AddRange(step.Change is { } c ? [c] : []);
        }

        Assert.Equal([AlertChange.Open, AlertChange.Resolve], changes);
    }
}
