using Caravan.Core.Network;
using Caravan.Core.Planning;
using static Caravan.Core.Tests.Planning.SampleNetworks;
using static Caravan.Core.Tests.Planning.TestNetwork;

namespace Caravan.Core.Tests.Planning;

/// <summary>Where handling is charged: once at a change of gauge, mode or vehicle; never along one continuous run.</summary>
public sealed class TransferTests
{
    [Fact]
    public void Plan_charges_handling_once_at_the_gauge_break()
    {
        // GaugeBreak: CNXIY ──1435, 50 h, $1500──> KZKHG [6 h, $250, dwell 12 h] ──1520, 6 h, $300──> KZALA.
        // Leave Mon 00:00, reach Khorgos Wed 02:00; dwell 12 h + handling 6 h -> leave Wed 20:00, arrive Thu 02:00.
        // Cost 1500 + 250 + 300 = 2050 (Xi'an's own handling is not charged: it is the origin).
        // CO2e 2800 km x 0.02 x 2 TEU = 112 + hub 5 x 2 TEU = 10 -> 122 kg.
        var itinerary = Assert.Single(GaugeBreak().Planner().Plan(Request("CNXIY", "KZALA", At("Mon 00:00"))).Itineraries);

        Assert.Collection(
            itinerary.Legs,
            standard =>
            {
                Assert.Equal((RailGauges.Standard1435, At("Mon 00:00"), At("Wed 02:00")), (standard.Gauge, standard.Departure, standard.Arrival));
                Assert.False(standard.StartsWithTransfer);
                Assert.Equal(0, standard.HandlingCostUsd);
            },
            broad =>
            {
                Assert.Equal((RailGauges.Broad1520, At("Wed 20:00"), At("Thu 02:00")), (broad.Gauge, broad.Departure, broad.Arrival));
                Assert.True(broad.StartsWithTransfer);
                Assert.Equal(250, broad.HandlingCostUsd);
                Assert.Equal(10, broad.HubCo2eKg, 6);
            });
        Assert.Equal(1, itinerary.Transfers);
        Assert.Equal(2050, itinerary.CostUsd, 6);
        Assert.Equal(122, itinerary.Co2eKg, 6);
    }

    [Fact]
    public void Plan_runs_links_of_one_mode_and_gauge_as_one_leg_without_handling()
    {
        //   CNXIY ──1435, 600 km @ 60 km/h (10 h), $400──> CNLZH [handling 5 h $200, dwell 3 h] ──1435, 1900 km @ 50 km/h (38 h), $1200──> CNURC
        // One leg: 10 h + 3 h dwell passing Lanzhou + 38 h = 51 h -> Wed 03:00; cost 400 + 1200 = 1600, no handling.
        var planner = new TestNetwork()
            .Terminal("CNXIY").Terminal("CNLZH", handlingHours: 5, handlingUsd: 200, dwellHours: 3).Terminal("CNURC")
            .Rail("CNXIY", "CNLZH", km: 600, kmh: 60, usd: 400)
            .Rail("CNLZH", "CNURC", km: 1900, kmh: 50, usd: 1200)
            .Planner();

        var itinerary = Assert.Single(planner.Plan(Request("CNXIY", "CNURC", At("Mon 00:00"))).Itineraries);

        var leg = Assert.Single(itinerary.Legs);
        Assert.Equal("CNLZH", Assert.Single(leg.Via).Locode.Value);
        Assert.Equal(At("Wed 03:00"), leg.Arrival);
        Assert.Equal(0, itinerary.Transfers);
        Assert.Equal(1600, itinerary.CostUsd, 6);
        Assert.Equal(2500, itinerary.DistanceKm, 6);
    }

    [Fact]
    public void Plan_counts_a_change_from_train_to_ferry_as_a_transfer()
    {
        // BeyneuToAlat: rail to Aktau, then the ferry; the ferry leg starts with Aktau's handling ($150).
        var itinerary = Assert.Single(BeyneuToAlat().Planner().Plan(Request("KZBEY", "AZALA", At("Mon 00:00"))).Itineraries);

        Assert.Equal(1, itinerary.Transfers);
        Assert.Equal(150, itinerary.Legs[1].HandlingCostUsd);
    }

    //   GaugeBreak, plus KZALA reached by road straight from Xi'an: 3000 km @ 40 km/h (75 h), $4000.
    private static RoutePlanner GaugeBreakOrRoad() => GaugeBreak().Road("CNXIY", "KZALA", km: 3000, kmh: 40, usd: 4000).Planner();

    [Fact]
    public void Plan_with_no_transfers_allowed_takes_the_direct_road()
    {
        // Rail: Thu 02:00, $2050, 1 transfer. Road: 75 h -> Thu 03:00, $4000, 3000 x 0.1 x 2 = 600 kg, no transfer.
        var request = Request("CNXIY", "KZALA", At("Mon 00:00")) with { Constraints = new RouteConstraints { MaxTransfers = 0 } };

        var itinerary = Assert.Single(GaugeBreakOrRoad().Plan(request).Itineraries);

        Assert.Equal(TransportMode.Road, Assert.Single(itinerary.Legs).Mode);
        Assert.Equal(At("Thu 03:00"), itinerary.Arrival);
        Assert.Equal(4000, itinerary.CostUsd, 6);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(5)]
    public void Plan_within_the_transfer_limit_drops_the_road_the_rail_route_dominates(int? maxTransfers)
    {
        // Rail (Thu 02:00, $2050, 122 kg) beats road (Thu 03:00, $4000, 600 kg) on every criterion; the road's
        // fewer transfers are a constraint, not a criterion, so it is not on the front.
        var request = Request("CNXIY", "KZALA", At("Mon 00:00")) with { Constraints = new RouteConstraints { MaxTransfers = maxTransfers } };

        var itinerary = Assert.Single(GaugeBreakOrRoad().Plan(request).Itineraries);

        Assert.Equal(At("Thu 02:00"), itinerary.Arrival);
        Assert.Equal(2050, itinerary.CostUsd, 6);
    }

    [Fact]
    public void Plan_under_a_transfer_limit_keeps_an_arrival_reached_later_with_fewer_transfers()
    {
        //   CNXIY ──1435 rail, 10 h──> KZKHG ──road, 10 h──> KZALA: Mon 20:00 after 1 transfer (found first: Khorgos
        //   is settled before Urumqi, both estimating Mon 20:00).
        //   CNXIY ──road, 15 h──> CNURC ──road, 5 h──> KZALA: Mon 20:00 on one run, no transfer.
        // The second destination label dominates the first under the limit but ties it on arrival, both by road;
        // one of the two must be kept (a search that dropped the first for the second, then refused the second for
        // the first, returned nothing).
        var planner = new TestNetwork()
            .Terminal("CNXIY").Terminal("KZKHG").Terminal("CNURC").Terminal("KZALA")
            .Rail("CNXIY", "KZKHG", km: 600, kmh: 60, usd: 100)
            .Road("KZKHG", "KZALA", km: 600, kmh: 60, usd: 100)
            .Road("CNXIY", "CNURC", km: 900, kmh: 60, usd: 100)
            .Road("CNURC", "KZALA", km: 300, kmh: 60, usd: 100)
            .Planner();
        var request = Request("CNXIY", "KZALA", At("Mon 00:00")) with
        {
            Criteria = PlanningCriteria.Arrival,
            Constraints = new RouteConstraints { MaxTransfers = 3 },
        };

        var itinerary = Assert.Single(planner.Plan(request).Itineraries);

        Assert.Equal(At("Mon 20:00"), itinerary.Arrival);
        Assert.Equal(At("Mon 20:00"), planner.EarliestArrival(request)?.Arrival);
    }
}
