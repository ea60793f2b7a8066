using Caravan.Core.Geography;
using Caravan.Core.Network;
using static Caravan.Core.Tests.Planning.TestNetwork;

namespace Caravan.Core.Tests.Planning;

/// <summary>The front: every itinerary worth choosing, none dominated, none twice, fastest first.</summary>
public sealed class ParetoFrontTests
{
    //   TRKAR ──rail 1435, 1500 km @ 30 km/h (50 h), $900──────────────────────────> TRIST   slow, cheap, clean
    //   TRKAR ──road 1500 km @ 60 km/h (25 h), $2000───────────────────────────────> TRIST   fast, dear
    //   TRKAR ──road 1000 km @ 50 km/h (20 h), $1400──> TRANK ──road 500 km @ 50 km/h (10 h), $700──> TRIST   detour
    private static TestNetwork KarsToIstanbul() => new TestNetwork()
        .Terminal("TRKAR").Terminal("TRANK").Terminal("TRIST")
        .Rail("TRKAR", "TRIST", km: 1500, kmh: 30, usd: 900)
        .Road("TRKAR", "TRIST", km: 1500, kmh: 60, usd: 2000)
        .Road("TRKAR", "TRANK", km: 1000, kmh: 50, usd: 1400)
        .Road("TRANK", "TRIST", km: 500, kmh: 50, usd: 700);

    [Fact]
    public void Plan_returns_both_the_cheap_slow_and_the_fast_expensive_route_fastest_first()
    {
        // Road: Tue 01:00, $2000, 1500 x 0.1 x 2 = 300 kg. Rail: Wed 02:00, $900, 1500 x 0.02 x 2 = 60 kg.
        var result = KarsToIstanbul().Planner().Plan(Request("TRKAR", "TRIST", At("Mon 00:00")));

        Assert.Collection(
            result.Itineraries,
            road =>
            {
                Assert.Equal(TransportMode.Road, Assert.Single(road.Legs).Mode);
                Assert.Equal((At("Tue 01:00"), 2000.0, 300.0), (road.Arrival, road.CostUsd, Math.Round(road.Co2eKg, 6)));
            },
            rail =>
            {
                Assert.Equal(TransportMode.Rail, Assert.Single(rail.Legs).Mode);
                Assert.Equal((At("Wed 02:00"), 900.0, 60.0), (rail.Arrival, rail.CostUsd, Math.Round(rail.Co2eKg, 6)));
            });
    }

    [Fact]
    public void Plan_does_not_return_the_detour_the_direct_road_dominates()
    {
        // Detour through Ankara: 30 h, $2100, 300 kg — later, dearer and no cleaner than the direct road (25 h, $2000, 300 kg).
        var result = KarsToIstanbul().Planner().Plan(Request("TRKAR", "TRIST", At("Mon 00:00")));

        Assert.DoesNotContain(result.Itineraries, i => i.Visits(Locode.Parse("TRANK")));
        Assert.Equal(2, result.Itineraries.Count);
    }

    [Fact]
    public void Plan_returns_the_detour_when_the_direct_links_are_gone()
    {
        // The detour alone (so its absence above is dominance, not infeasibility).
        var planner = new TestNetwork()
            .Terminal("TRKAR").Terminal("TRANK").Terminal("TRIST")
            .Road("TRKAR", "TRANK", km: 1000, kmh: 50, usd: 1400)
            .Road("TRANK", "TRIST", km: 500, kmh: 50, usd: 700)
            .Planner();

        var itinerary = Assert.Single(planner.Plan(Request("TRKAR", "TRIST", At("Mon 00:00"))).Itineraries);

        // One road run: 20 h + 10 h = 30 h -> Tue 06:00; $2100.
        Assert.Equal(At("Tue 06:00"), itinerary.Arrival);
        Assert.Equal(2100, itinerary.CostUsd, 6);
    }

    [Fact]
    public void Plan_returns_equal_itineraries_once()
    {
        //   TRKAR ──road 1500 km @ 60 km/h, $2000──> TRIST, twice (two hauliers, same figures): one itinerary, Tue 01:00.
        var planner = new TestNetwork()
            .Terminal("TRKAR").Terminal("TRIST")
            .Road("TRKAR", "TRIST", km: 1500, kmh: 60, usd: 2000)
            .Road("TRKAR", "TRIST", km: 1500, kmh: 60, usd: 2000)
            .Planner();

        var itinerary = Assert.Single(planner.Plan(Request("TRKAR", "TRIST", At("Mon 00:00"))).Itineraries);

        Assert.Equal(At("Tue 01:00"), itinerary.Arrival);
    }

    [Fact]
    public void Plan_sorts_a_front_of_three_by_arrival()
    {
        // KarsToIstanbul plus a weekly block train Wed 00:00, 40 h, $500 (1500 km): arrives Thu 16:00, 60 kg.
        // Front: road Tue 01:00 $2000; rail Wed 02:00 $900; train Thu 16:00 $500 (same CO2e as the rail link).
        var planner = KarsToIstanbul()
            .Service("BLOCK", TransportMode.Rail, usd: 500, cutoffHours: 0, ["Wed 00:00"], ("TRKAR", 0, 0), ("TRIST", 40, 1500))
            .Planner();

        var result = planner.Plan(Request("TRKAR", "TRIST", At("Mon 00:00")));

        Assert.Equal([At("Tue 01:00"), At("Wed 02:00"), At("Thu 16:00")], result.Itineraries.Select(i => i.Arrival));
        Assert.Equal([2000.0, 900.0, 500.0], result.Itineraries.Select(i => i.CostUsd));
    }
}
