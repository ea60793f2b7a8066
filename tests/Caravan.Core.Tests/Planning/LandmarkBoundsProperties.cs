using Caravan.Core.Planning;
using Caravan.Core.Planning.Search;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// The landmark time bounds of the earliest-arrival search, on random networks (<see cref="PlanningCases"/>): consistent
/// over every move the search can make, so the first destination label it settles is optimal, and never above the
/// time an itinerary still takes.
/// </summary>
public sealed class LandmarkBoundsProperties
{
    private const int Cases = 200;

    [Property(MaxTest = Cases)]
    public Property The_bound_is_consistent_over_every_move_and_zero_at_the_destination() =>
        Prop.ForAll(PlanningCases.Arbitrary, Gen.Choose(1, 6).ToArbitrary(), (c, count) =>
        {
            var network = c.Network;
            var landmarks = new LandmarkBounds(network, count);
            var n = network.Terminals.Count;
            var dwell = network.DwellP50Minutes;
            var handling = network.HandlingMinutes;
            var to = new int[count];
            var from = new int[count];
            for (var d = 0; d < n; d++)
            {
                landmarks.Prepare(d, to, from);

                // A label at the destination is estimated at 0; elsewhere at its node's bound (yard, or yard after a ride).
                long Bound(int v, bool afterRide) => v == d ? 0 : landmarks.Minutes(v, afterRide, to, from);
                for (var v = 0; v < n; v++)
                {
                    if (v == d)
                    {
                        continue;
                    }

                    Assert.True(landmarks.Minutes(v, afterRide: false, to, from) >= 0);

                    // A continuous move: on the same run after the dwell, otherwise (always after a ride) after handling too.
                    for (var a = network.ArcStart[v]; a < network.ArcStart[v + 1]; a++)
                    {
                        var w = network.ArcTo[a];
                        Assert.True(Bound(v, false) <= dwell[v] + network.ArcMinutes[a] + Bound(w, false), $"arc {v}->{w} from the yard, destination {d}");
                        Assert.True(Bound(v, true) <= dwell[v] + handling[v] + network.ArcMinutes[a] + Bound(w, false), $"arc {v}->{w} after a ride, destination {d}");
                    }
                }

                // A ride: boarding at any stop after dwell and handling, alighting at any later stop.
                for (var s = 0; s < network.Services.Count; s++)
                {
                    for (var p = network.ServiceStopStart[s]; p < network.ServiceStopStart[s + 1]; p++)
                    {
                        var v = network.StopTerminal[p];
                        if (v == d)
                        {
                            continue;
                        }

                        for (var q = p + 1; q < network.ServiceStopStart[s + 1]; q++)
                        {
                            var w = network.StopTerminal[q];
                            var ride = dwell[v] + handling[v] + network.StopArrivalMinutes[q] - network.StopDepartureMinutes[p];
                            Assert.True(Bound(v, false) <= ride + Bound(w, true), $"ride {v}->{w} from the yard, destination {d}");
                            Assert.True(Bound(v, true) <= ride + Bound(w, true), $"ride {v}->{w} after a ride, destination {d}");
                        }
                    }
                }
            }
        });

    [Property(MaxTest = Cases)]
    public Property The_bound_never_exceeds_the_time_the_earliest_itinerary_still_takes() =>
        Prop.ForAll(PlanningCases.Arbitrary, Gen.Choose(1, 6).ToArbitrary(), (c, count) =>
        {
            var network = c.Network;
            var planner = new RoutePlanner(network);

            // Searched without lower bounds, so the itinerary does not depend on the bounds checked.
            var earliest = planner.Plan(c.Request with { Criteria = PlanningCriteria.Arrival }, useLowerBounds: false).Itineraries.FirstOrDefault();
            if (earliest is null)
            {
                return;
            }

            var landmarks = new LandmarkBounds(network, count);
            var to = new int[count];
            var from = new int[count];
            landmarks.Prepare(network.IndexOf(c.Request.Destination), to, from);
            var arrival = PlanningCase.Minutes(earliest.Arrival);
            foreach (var leg in earliest.Legs.SkipLast(1))
            {
                // Any other completion from here is no faster than the rest of an earliest itinerary (same terminal,
                // time and way of arriving), so the bound must not exceed what the rest takes.
                var bound = landmarks.Minutes(network.IndexOf(leg.To.Locode), afterRide: leg.Service is not null, to, from);
                Assert.True(bound <= arrival - PlanningCase.Minutes(leg.Arrival), $"at {leg.To.Locode}: bound {bound}, still to go {arrival - PlanningCase.Minutes(leg.Arrival)}");
            }
        });
}
