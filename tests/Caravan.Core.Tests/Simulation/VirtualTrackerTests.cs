using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Shipments;
using Caravan.Core.Simulation;
using Caravan.Core.Telemetry;
using Caravan.Core.Tests.Telemetry;

namespace Caravan.Core.Tests.Simulation;

/// <summary>Virtual trackers on itineraries of the shipped network: deterministic, ordered, valid, on the route, and as irregular as stated.</summary>
public sealed class VirtualTrackerTests(SimulatedItineraries itineraries) : IClassFixture<SimulatedItineraries>
{
    private static readonly DeviceId Device = DeviceId.Parse("sim-test-0001");
    private static readonly HashSet<string> CaspianPorts = ["KZAKT", "KZKUR"];

    private CorridorNetwork Network => itineraries.Fixture.Network;

    [Fact]
    public void The_same_seed_gives_the_same_readings_and_another_seed_other_ones()
    {
        var first = Tracker(itineraries.AcrossTheCaspian, 7).Readings().ToList();
        var again = Tracker(itineraries.AcrossTheCaspian, 7).Readings().ToList();
        var other = Tracker(itineraries.AcrossTheCaspian, 8).Readings().ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(r => r.Position), other.Select(r => r.Position));
    }

    [Fact]
    public void Readings_are_in_strictly_increasing_whole_seconds_and_pass_the_validator()
    {
        var validator = new ReadingValidator(new FixedClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        foreach (var seed in Enumerable.Range(0, 10))
        {
            var readings = Tracker(itineraries.AnyRoute, seed).Readings().ToList();
            Assert.True(readings.Count > 100, $"only {readings.Count} readings");
            Assert.All(readings.Zip(readings.Skip(1)), pair => Assert.True(pair.First.Time < pair.Second.Time));
            Assert.All(readings, r => Assert.Equal(0, r.Time.Ticks % TimeSpan.TicksPerSecond));
            Assert.All(readings, r => Assert.Empty(validator.Validate(r).Problems));
        }
    }

    [Fact]
    public void Every_position_is_within_its_reported_accuracy_of_the_route_through_the_itinerarys_terminals()
    {
        foreach (var seed in Enumerable.Range(0, 10))
        {
            var tracker = Tracker(itineraries.AcrossTheCaspian, seed);
            var route = tracker.Journey.Route;
            foreach (var reading in tracker.Readings())
            {
                var off = RouteDistance.Metres(reading.Position, route);
                Assert.True(off <= reading.AccuracyM!.Value + 1, $"{reading.Time:u}: {off:0} m off the route, accuracy {reading.AccuracyM} m");
            }

            var stops = itineraries.AcrossTheCaspian.Legs.SelectMany(l => new[] { l.From, l.To }).Select(l => Network.FindTerminal(l)!.Position);
            Assert.All(stops, s => Assert.Contains(s, route));
        }
    }

    [Fact]
    public void A_container_across_the_Caspian_waits_at_Aktau_or_Kuryk_for_the_ferry_and_moves_at_a_train_or_ferry_speed()
    {
        var journey = Tracker(itineraries.AcrossTheCaspian, 3).Journey;

        var wait = Assert.Single(journey.Steps, s => s.Kind == JourneyStepKind.FerryWait && CaspianPorts.Contains(s.Terminal!.Value.Value));
        Assert.True(wait.Duration > TimeSpan.Zero);
        Assert.All(journey.Steps.Where(s => s.IsMoving && s.Duration > TimeSpan.FromHours(1)), s => Assert.InRange(s.SpeedKmh, 1, 120));
        Assert.Contains(journey.Steps, s => s.Kind is JourneyStepKind.GaugeChange);
    }

    [Fact]
    public void Three_extra_days_at_the_Caspian_ports_delay_the_arrival_and_hold_the_container_there()
    {
        var calm = new SimulationSettings { FerryDelayShare = 0 };
        var held = calm with { ExtraDwell = CaspianPorts.ToDictionary(Locode.Parse, _ => TimeSpan.FromDays(3)) };

        var onTime = Tracker(itineraries.AcrossTheCaspian, 5, calm).Journey;
        var late = Tracker(itineraries.AcrossTheCaspian, 5, held).Journey;

        Assert.True(late.Arrival >= onTime.Arrival + TimeSpan.FromDays(1), $"arrival {late.Arrival:u} against {onTime.Arrival:u}");
        var atPort = late.Steps.Where(s => !s.IsMoving && CaspianPorts.Contains(s.Terminal!.Value.Value)).Sum(s => s.Duration.TotalDays);
        Assert.True(atPort >= 3, $"{atPort:0.0} days at the port");
    }

    [Fact]
    public void A_silent_tracker_sends_nothing_for_its_silence_and_a_reefer_stays_at_its_setpoint_outside_its_excursion()
    {
        var settings = new SimulationSettings { SilentShare = 1, ReeferShare = 1, ExcursionShare = 1 };
        var tracker = Tracker(itineraries.AnyRoute, 11, settings);
        var readings = tracker.Readings().ToList();
        var (silentFrom, silentTo) = tracker.Profile.Silence!.Value;
        var (hotFrom, hotTo) = tracker.Profile.Excursion!.Value;
        var setpoint = tracker.Profile.SetpointC!.Value;

        Assert.DoesNotContain(readings, r => r.Time >= silentFrom && r.Time < silentTo);
        Assert.Contains(readings.Zip(readings.Skip(1)), p => p.Second.Time - p.First.Time >= TimeSpan.FromHours(12));
        Assert.All(readings.Where(r => r.Time < hotFrom || r.Time >= hotTo), r => Assert.InRange(r.TemperatureC!.Value, setpoint - 1.5, setpoint + 1.5));
        Assert.Contains(readings, r => r.Time >= hotFrom && r.Time < hotTo && r.TemperatureC > setpoint + 5);
    }

    [Fact]
    public void Over_a_fleet_each_irregularity_happens_in_about_its_stated_share()
    {
        var settings = SimulationSettings.Default;
        var profiles = Enumerable.Range(0, 1000).Select(i => Tracker(itineraries.AnyRoute, SimulationSeed.Mix(42, i), settings).Profile).ToList();
        var reefers = profiles.Where(p => p.Reefer).ToList();

        AssertShare(settings.ReeferShare, profiles.Count, reefers.Count, "reefers");
        AssertShare(settings.ExcursionShare, reefers.Count, reefers.Count(p => p.Excursion is not null), "excursions among reefers");
        AssertShare(settings.SilentShare, profiles.Count, profiles.Count(p => p.Silence is not null), "silent trackers");
        Assert.All(profiles.Where(p => !p.Reefer), p => Assert.Null(p.Excursion));
    }

    [Fact]
    public void A_fleet_hands_out_every_reading_once_in_order_and_never_one_made_after_the_instant_asked()
    {
        var trackers = Enumerable.Range(0, 3).Select(i => Tracker(itineraries.AnyRoute, i)).ToList();
        var fleet = new TrackerFleet(trackers);
        var handed = trackers.ToDictionary(t => t, _ => new List<TrackerReading>());
        var start = trackers.Min(t => t.Journey.Start);
        var end = trackers.Max(t => t.Journey.End);
        for (var until = start; until <= end + TimeSpan.FromDays(1); until += TimeSpan.FromHours(7))
        {
            foreach (var batch in fleet.Due(until, maxPerBatch: 50))
            {
                Assert.All(batch.Readings, r => Assert.True(r.Time <= until));
                handed[batch.Tracker].AddRange(batch.Readings);
            }
        }

        while (!fleet.AllFinished)
        {
            foreach (var batch in fleet.Due(DateTimeOffset.MaxValue))
            {
                handed[batch.Tracker].AddRange(batch.Readings);
            }
        }

        Assert.All(trackers, t => Assert.Equal(t.Readings(), handed[t]));
        Assert.Equal(3, fleet.Finished);
    }

    [Fact]
    public void An_itinerary_through_a_terminal_the_network_does_not_know_is_refused_with_the_reason()
    {
        var legs = itineraries.AnyRoute.Legs.ToList();
        legs[0] = legs[0] with { From = Locode.Parse("ZZZZZ") };
        var tracker = VirtualTracker.TryCreate(Device, itineraries.AnyRoute with { Legs = legs }, Network, SimulationSettings.Default, 1, out var problem);

        Assert.Null(tracker);
        Assert.Contains("ZZZZZ", problem, StringComparison.Ordinal);
    }

    // Binomial: the observed count is within four standard deviations of the expected one.
    private static void AssertShare(double share, int trials, int observed, string what)
    {
        var expected = share * trials;
        var sd = Math.Sqrt(trials * share * (1 - share));
        Assert.True(Math.Abs(observed - expected) <= (4 * sd) + 1, $"{what}: {observed} of {trials}, expected about {expected:0}");
    }

    private VirtualTracker Tracker(ShipmentItinerary itinerary, int seed, SimulationSettings? settings = null) =>
        VirtualTracker.TryCreate(Device, itinerary, Network, settings ?? SimulationSettings.Default, seed, out var problem)
        ?? throw new InvalidOperationException(problem);
}
