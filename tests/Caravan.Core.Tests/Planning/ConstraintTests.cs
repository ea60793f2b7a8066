using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using static Caravan.Core.Tests.Planning.SampleNetworks;
using static Caravan.Core.Tests.Planning.TestNetwork;

namespace Caravan.Core.Tests.Planning;

/// <summary>Countries and terminals to avoid, allowed modes: what an itinerary may not touch or use.</summary>
public sealed class ConstraintTests
{
    private static readonly CountryCode Russia = CountryCode.Parse("RU");

    private static RouteRequest DostykToMalaszewicze(RouteConstraints constraints) =>
        Request("KZDOS", "PLMAL", At("Mon 00:00")) with { Constraints = constraints };

    [Fact]
    public void Plan_without_constraints_crosses_Russia_on_the_cheaper_faster_rail_link()
    {
        // North: 80 h -> Thu 08:00, $2500, 4000 x 0.02 x 2 = 160 kg. South by road: 50 + 2 + 50 = 102 h, $6000,
        // 6000 x 0.1 x 2 = 1200 kg: dominated.
        var itinerary = Assert.Single(NorthAcrossRussiaOrSouthByRoad().Planner().Plan(DostykToMalaszewicze(RouteConstraints.None)).Itineraries);

        Assert.Equal(At("Thu 08:00"), itinerary.Arrival);
        Assert.Equal(["KZ", "RU", "BY", "PL"], itinerary.Countries.Select(c => c.Value));
    }

    [Fact]
    public void Plan_avoiding_a_country_a_link_only_crosses_takes_the_other_way()
    {
        // The rail link has no terminal in Russia but crosses it (via RU, BY), so it is excluded.
        // South: one road run, 50 h + 2 h dwell at Tbilisi + 50 h = 102 h -> Fri 06:00, $6000, no transfer.
        var constraints = new RouteConstraints { AvoidCountries = new HashSet<CountryCode> { Russia } };

        var itinerary = Assert.Single(NorthAcrossRussiaOrSouthByRoad().Planner().Plan(DostykToMalaszewicze(constraints)).Itineraries);

        Assert.False(itinerary.Crosses(Russia));
        Assert.Equal(["KZ", "GE", "PL"], itinerary.Countries.Select(c => c.Value));
        Assert.Equal(At("Fri 06:00"), itinerary.Arrival);
        Assert.Equal(6000, itinerary.CostUsd, 6);
        Assert.Equal(0, itinerary.Transfers);
    }

    //   KZDOS ==block train NORTH, Mon 12:00, cut-off 2 h, $2500: KZDOS 0 h ──2000 km──> RUKZN 40 h ──2000 km──> PLMAL 80 h==>
    //   KZDOS ──road 50 h, $3000──> GETBS [dwell 2 h] ──road 50 h, $3000──> PLMAL
    private static RoutePlanner TrainThroughKazanOrRoad() => new TestNetwork()
        .Terminal("KZDOS", gauges: RailGauges.Broad1520)
        .Terminal("RUKZN", gauges: RailGauges.Broad1520)
        .Terminal("GETBS", dwellHours: 2, gauges: RailGauges.Broad1520)
        .Terminal("PLMAL", gauges: RailGauges.Standard1435 | RailGauges.Broad1520)
        .Service("NORTH", TransportMode.Rail, usd: 2500, cutoffHours: 2, ["Mon 12:00"], ("KZDOS", 0, 0), ("RUKZN", 40, 2000), ("PLMAL", 80, 2000))
        .Road("KZDOS", "GETBS", km: 3000, kmh: 60, usd: 3000)
        .Road("GETBS", "PLMAL", km: 3000, kmh: 60, usd: 3000)
        .Planner();

    [Fact]
    public void Plan_rides_a_train_through_Russia_when_nothing_is_avoided()
    {
        // NORTH leaves Mon 12:00 and reaches Małaszewicze 80 h later, Thu 20:00, for $2500: it dominates the road.
        var itinerary = Assert.Single(TrainThroughKazanOrRoad().Plan(DostykToMalaszewicze(RouteConstraints.None)).Itineraries);

        Assert.Equal("NORTH", Assert.Single(itinerary.Legs).Service?.Id);
        Assert.Equal(At("Thu 20:00"), itinerary.Arrival);
        Assert.True(itinerary.Visits(Locode.Parse("RUKZN")));
    }

    [Fact]
    public void Plan_avoiding_a_country_a_service_only_passes_through_does_not_ride_it()
    {
        var constraints = new RouteConstraints { AvoidCountries = new HashSet<CountryCode> { Russia } };

        var itinerary = Assert.Single(TrainThroughKazanOrRoad().Plan(DostykToMalaszewicze(constraints)).Itineraries);

        Assert.All(itinerary.Legs, leg => Assert.Null(leg.Service));
        Assert.False(itinerary.Crosses(Russia));
        Assert.Equal(At("Fri 06:00"), itinerary.Arrival);
    }

    [Fact]
    public void Plan_avoiding_a_terminal_a_service_only_passes_does_not_ride_it()
    {
        var kazan = Locode.Parse("RUKZN");
        var constraints = new RouteConstraints { AvoidTerminals = new HashSet<Locode> { kazan } };

        var itinerary = Assert.Single(TrainThroughKazanOrRoad().Plan(DostykToMalaszewicze(constraints)).Itineraries);

        Assert.False(itinerary.Visits(kazan));
        Assert.Equal(At("Fri 06:00"), itinerary.Arrival);
    }

    //   Train LINE, daily 00:00: KZAKT 0 h -> RUAST (avoided) 10 h -> AZBAK 20 h -> GETBS 30 h
    //   KZAKT ──road 400 km @ 50 km/h (8 h), $1000 (dearer than the train to Baku)──> AZBAK
    // Boarding LINE at Aktau rides no further than Astrakhan, so it must not stand for boarding the same train at Baku:
    // by road to Baku (Mon 08:00), then Monday's train from there (Mon 20:00) to Tbilisi, Tue 06:00.
    private static TestNetwork TrainPastAnAvoidedStopOrRoad() => new TestNetwork()
        .Terminal("KZAKT").Terminal("RUAST").Terminal("AZBAK").Terminal("GETBS")
        .Road("KZAKT", "AZBAK", km: 400, kmh: 50, usd: 1000)
        .Service(
            "LINE",
            TransportMode.Rail,
            usd: 1000,
            cutoffHours: 0,
            ["Mon 00:00", "Tue 00:00", "Wed 00:00", "Thu 00:00", "Fri 00:00", "Sat 00:00", "Sun 00:00"],
            ("KZAKT", 0, 0),
            ("RUAST", 10, 500),
            ("AZBAK", 20, 500),
            ("GETBS", 30, 500));

    [Theory]
    [InlineData(PlanningCriteria.Arrival)]
    [InlineData(PlanningCriteria.All)]
    public void A_train_boarded_before_an_avoided_stop_does_not_stand_for_boarding_it_after(PlanningCriteria criteria)
    {
        var constraints = new RouteConstraints { AvoidTerminals = new HashSet<Locode> { Locode.Parse("RUAST") } };
        var request = Request("KZAKT", "GETBS", At("Mon 00:00")) with { Constraints = constraints, Criteria = criteria };

        var itinerary = Assert.Single(TrainPastAnAvoidedStopOrRoad().Planner().Plan(request).Itineraries);

        Assert.Equal([TransportMode.Road, TransportMode.Rail], itinerary.Legs.Select(l => l.Mode));
        Assert.Equal(At("Tue 06:00"), itinerary.Arrival);
    }

    [Fact]
    public void Plan_avoiding_the_terminal_on_the_road_route_keeps_the_train()
    {
        var constraints = new RouteConstraints { AvoidTerminals = new HashSet<Locode> { Locode.Parse("GETBS") } };

        var itinerary = Assert.Single(TrainThroughKazanOrRoad().Plan(DostykToMalaszewicze(constraints)).Itineraries);

        Assert.Equal("NORTH", Assert.Single(itinerary.Legs).Service?.Id);
    }

    [Theory]
    [InlineData(TransportMode.Road, "Fri 06:00", 6000)]
    [InlineData(TransportMode.Rail, "Thu 08:00", 2500)]
    public void Plan_uses_only_the_allowed_modes(TransportMode mode, string arrival, double cost)
    {
        var constraints = new RouteConstraints { AllowedModes = new HashSet<TransportMode> { mode } };

        var itinerary = Assert.Single(NorthAcrossRussiaOrSouthByRoad().Planner().Plan(DostykToMalaszewicze(constraints)).Itineraries);

        Assert.All(itinerary.Legs, leg => Assert.Equal(mode, leg.Mode));
        Assert.Equal(At(arrival), itinerary.Arrival);
        Assert.Equal(cost, itinerary.CostUsd, 6);
    }

    [Fact]
    public void Plan_with_ferries_not_allowed_does_not_board_the_ferry()
    {
        // Caspian ferry plus a road around the Caspian (50 h, $3500): without ferries only the road is left.
        var planner = Caspian().Road("KZAKT", "AZALA", km: 2500, kmh: 50, usd: 3500, "RU").Planner();
        var request = Request("KZAKT", "AZALA", At("Mon 00:00")) with
        {
            Constraints = new RouteConstraints { AllowedModes = new HashSet<TransportMode> { TransportMode.Road, TransportMode.Rail } },
        };

        var itinerary = Assert.Single(planner.Plan(request).Itineraries);

        Assert.Equal(TransportMode.Road, Assert.Single(itinerary.Legs).Mode);
        Assert.Equal(At("Wed 02:00"), itinerary.Arrival);
    }
}
