using Caravan.Core.Simulation;
using Caravan.Core.Telemetry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Simulation;

/// <summary>For any seed: readings in strictly increasing time, within their accuracy of the route, and the same when made again.</summary>
public sealed class VirtualTrackerProperties(SimulatedItineraries itineraries) : IClassFixture<SimulatedItineraries>
{
    [Property(MaxTest = 25)]
    public Property Any_seed_gives_ordered_readings_near_the_route_and_the_same_ones_again() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var device = DeviceId.Parse("sim-prop");
            var network = itineraries.Fixture.Network;
            var tracker = VirtualTracker.TryCreate(device, itineraries.AcrossTheCaspian, network, SimulationSettings.Default, seed, out _)!;
            var readings = tracker.Readings().ToList();
            var again = VirtualTracker.TryCreate(device, itineraries.AcrossTheCaspian, network, SimulationSettings.Default, seed, out _)!.Readings().ToList();
            var route = tracker.Journey.Route;
            var ordered = readings.Zip(readings.Skip(1)).All(p => p.First.Time < p.Second.Time);
            var near = readings.All(r => RouteDistance.Metres(r.Position, route) <= r.AccuracyM + 1);
            var inJourney = readings.All(r => r.Time >= tracker.Journey.Start && r.Time <= tracker.Journey.End);
            return (ordered && near && inJourney && readings.SequenceEqual(again)).Label($"seed {seed}: ordered {ordered}, near {near}, within {inJourney}");
        });
}
