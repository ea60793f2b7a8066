using Caravan.Core.Network;
using Caravan.Core.Planning;
using static Caravan.Core.Tests.Planning.TestNetwork;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// The moves an earliest-arrival search skips because what it has already expanded covers them: a transfer from a
/// terminal already left as early before, a ride beyond a stop where the same or an earlier trip was boarded before.
/// Each network makes the search meet the situation, and the answer must be the one found without skipping.
/// </summary>
public sealed class CoveredMoveTests
{
    //   KZNQZ ──road 60 km @ 60 km/h (1 h)──> KZAST [handling 10 h] ──1435, 60 km @ 60 km/h (1 h)──> KZKAR
    //   KZNQZ ──1435, 120 km @ 60 km/h (2 h)──────^
    // The road label reaches Astana first (Mon 01:00) but must transfer to the rail: ready Mon 11:00, Karaganda Mon 12:00.
    // The rail label arrives an hour later and is no earlier to transfer, but stays on its run: Karaganda Mon 03:00.
    private static TestNetwork RoadFirstRailStraightOn() => new TestNetwork()
        .Terminal("KZNQZ", gauges: RailGauges.Standard1435)
        .Terminal("KZAST", handlingHours: 10, gauges: RailGauges.Standard1435)
        .Terminal("KZKAR", gauges: RailGauges.Standard1435)
        .Road("KZNQZ", "KZAST", km: 60, kmh: 60, usd: 100)
        .Rail("KZNQZ", "KZAST", km: 120, kmh: 60, usd: 100)
        .Rail("KZAST", "KZKAR", km: 60, kmh: 60, usd: 100);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_later_label_no_earlier_to_transfer_still_continues_its_own_run(bool useLowerBounds)
    {
        var planner = RoadFirstRailStraightOn().Planner();
        var request = Request("KZNQZ", "KZKAR", At("Mon 00:00")) with { Criteria = PlanningCriteria.Arrival };

        var itinerary = Assert.Single(planner.Plan(request, useLowerBounds).Itineraries);

        Assert.Equal(At("Mon 03:00"), itinerary.Arrival);
        Assert.Equal(0, itinerary.Transfers);
        Assert.Equal(itinerary.Arrival, Assert.Single(planner.Plan(request, useLowerBounds, skipCoveredMoves: false).Itineraries).Arrival);
    }

    //   Train LINE, daily 00:00: KZAKT 0 h -> AZBAK 10 h -> GETBS 20 h -> TRKRS 30 h
    //   KZNQZ ──road 300 km @ 60 km/h (5 h)──> GETBS;  KZNQZ ──road 360 km @ 60 km/h (6 h)──> KZAKT
    // Searched by time alone, Tbilisi (Mon 05:00) is expanded before Aktau (Mon 06:00): Monday's train is boarded
    // there first. From Aktau only Tuesday's train is left; beyond Tbilisi it arrives later than Monday's, but the stop
    // before Tbilisi, Baku, it reaches first: Tue 10:00.
    private static TestNetwork TrainBoardedDownstreamFirst() => new TestNetwork()
        .Terminal("KZNQZ").Terminal("KZAKT").Terminal("AZBAK").Terminal("GETBS").Terminal("TRKRS")
        .Road("KZNQZ", "GETBS", km: 300, kmh: 60, usd: 100)
        .Road("KZNQZ", "KZAKT", km: 360, kmh: 60, usd: 100)
        .Service(
            "LINE",
            TransportMode.Rail,
            usd: 1000,
            cutoffHours: 0,
            ["Mon 00:00", "Tue 00:00", "Wed 00:00", "Thu 00:00", "Fri 00:00", "Sat 00:00", "Sun 00:00"],
            ("KZAKT", 0, 0),
            ("AZBAK", 10, 500),
            ("GETBS", 20, 500),
            ("TRKRS", 30, 500));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_trip_boarded_downstream_first_still_takes_a_later_boarding_upstream_to_the_stops_between(bool useLowerBounds)
    {
        var planner = TrainBoardedDownstreamFirst().Planner();
        var request = Request("KZNQZ", "AZBAK", At("Mon 00:00")) with { Criteria = PlanningCriteria.Arrival };

        var itinerary = Assert.Single(planner.Plan(request, useLowerBounds).Itineraries);

        Assert.Equal(At("Tue 10:00"), itinerary.Arrival);
        Assert.Equal([TransportMode.Road, TransportMode.Rail], itinerary.Legs.Select(l => l.Mode));
        Assert.Equal(itinerary.Arrival, Assert.Single(planner.Plan(request, useLowerBounds, skipCoveredMoves: false).Itineraries).Arrival);
    }
}
