using Caravan.Core.Network;
using Caravan.Core.Planning;
using static Caravan.Core.Tests.Planning.TestNetwork;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// The moves a search skips because what it has already expanded covers them: a transfer from a terminal already left
/// as early before (in a multi-criteria search, also as cheaply and as cleanly), and a ride beyond a stop where the
/// same or an earlier trip was boarded before (in a multi-criteria search, the same trip, as cheaply and as cleanly).
/// Each network makes the search meet the situation, and the answer must be the one found without skipping.
/// </summary>
public sealed class CoveredMoveTests
{
    //   KZNQZ ──road 60 km @ 60 km/h (1 h, $100)──> KZAST [handling 10 h, $500] ──1435, 60 km @ 60 km/h (1 h, $100)──> KZKAR
    //   KZNQZ ──1435, 400 km @ 200 km/h (2 h, $150)──────^
    // The road label reaches Astana first (Mon 01:00) but must transfer to the rail: ready Mon 11:00, Karaganda Mon 12:00.
    // The rail label arrives an hour later and would leave with a transfer later, dearer and dirtier (400 km of rail
    // against 60 of road), so its transfers are skipped, but it stays on its run: Karaganda Mon 03:00, no handling.
    private static TestNetwork RoadFirstRailStraightOn() => new TestNetwork()
        .Terminal("KZNQZ", gauges: RailGauges.Standard1435)
        .Terminal("KZAST", handlingHours: 10, handlingUsd: 500, gauges: RailGauges.Standard1435)
        .Terminal("KZKAR", gauges: RailGauges.Standard1435)
        .Road("KZNQZ", "KZAST", km: 60, kmh: 60, usd: 100)
        .Rail("KZNQZ", "KZAST", km: 400, kmh: 200, usd: 150)
        .Rail("KZAST", "KZKAR", km: 60, kmh: 60, usd: 100);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void A_later_label_no_earlier_to_transfer_still_continues_its_own_run(bool useLowerBounds, bool multiCriteria)
    {
        var planner = RoadFirstRailStraightOn().Planner();
        var request = Request("KZNQZ", "KZKAR", At("Mon 00:00")) with { Criteria = multiCriteria ? PlanningCriteria.All : PlanningCriteria.Arrival };

        var itinerary = Assert.Single(planner.Plan(request, useLowerBounds).Itineraries);

        Assert.Equal(At("Mon 03:00"), itinerary.Arrival);
        Assert.Equal(0, itinerary.Transfers);
        Assert.Equal(itinerary.CostUsd, Assert.Single(planner.Plan(request, useLowerBounds, skipCoveredMoves: false).Itineraries).CostUsd);
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

    //   KZNQZ ──road 60 km (1 h, $1,000)──> KZAST [handling 1 h] ══train LINE, Mon 12:00, 1 h══> KZKAR
    //   KZNQZ ──1435, 120 km (2 h, $100)────^
    // The road label is ready to transfer first (Mon 02:00) but dearer; the rail label, ready an hour later, must still
    // board: both catch the same train, and the cheaper itinerary dominates. Skipping by time alone loses it.
    private static TestNetwork EarlierButDearerTransfer() => new TestNetwork()
        .Terminal("KZNQZ")
        .Terminal("KZAST", handlingHours: 1)
        .Terminal("KZKAR")
        .Road("KZNQZ", "KZAST", km: 60, kmh: 60, usd: 1000)
        .Rail("KZNQZ", "KZAST", km: 120, kmh: 60, usd: 100)
        .Service("LINE", TransportMode.Rail, usd: 100, cutoffHours: 0, ["Mon 12:00"], ("KZAST", 0, 0), ("KZKAR", 1, 60));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_later_but_cheaper_label_still_transfers_in_a_multi_criteria_search(bool exact)
    {
        var planner = EarlierButDearerTransfer().Planner();
        var request = Request("KZNQZ", "KZKAR", At("Mon 00:00")) with { Tolerance = exact ? FrontTolerance.Exact : FrontTolerance.Default };

        var itinerary = Assert.Single(planner.Plan(request).Itineraries);

        Assert.Equal([TransportMode.Rail, TransportMode.Rail], itinerary.Legs.Select(l => l.Mode));
        Assert.Equal("LINE", itinerary.Legs[1].Service?.Id);
        Assert.Equal(At("Mon 13:00"), itinerary.Arrival);
        Assert.Equal(itinerary.CostUsd, Assert.Single(planner.Plan(request, useLowerBounds: true, skipCoveredMoves: false).Itineraries).CostUsd);
    }

    //   Train LINE, Mon 12:00 only: KZAKT 0 h -> AZBAK 10 h -> GETBS 20 h -> TRKRS 30 h (500 km a stretch)
    //   KZNQZ ──road 300 km (5 h, $ to Tbilisi)──> GETBS;  KZNQZ ──road 360 km (6 h, $100)──> KZAKT
    // Searched by time alone, Tbilisi is expanded first and boards Monday's train there; Aktau boards the same train
    // upstream. When the Tbilisi boarding is no dearer and no dirtier, the Aktau ride is scanned only up to Tbilisi and
    // must still reach Baku; when it is dearer, the Aktau ride must go on past Tbilisi: it is the cheaper way to Kars.
    private static TestNetwork SameTrainBoardedDownstreamFirst(double usdToTbilisi) => new TestNetwork()
        .Terminal("KZNQZ").Terminal("KZAKT").Terminal("AZBAK").Terminal("GETBS").Terminal("TRKRS")
        .Road("KZNQZ", "GETBS", km: 300, kmh: 60, usd: usdToTbilisi)
        .Road("KZNQZ", "KZAKT", km: 360, kmh: 60, usd: 100)
        .Service("LINE", TransportMode.Rail, usd: 1000, cutoffHours: 0, ["Mon 12:00"], ("KZAKT", 0, 0), ("AZBAK", 10, 500), ("GETBS", 20, 500), ("TRKRS", 30, 500));

    [Theory]
    [InlineData("AZBAK", 100, true)]
    [InlineData("AZBAK", 100, false)]
    [InlineData("TRKRS", 5000, true)]
    [InlineData("TRKRS", 5000, false)]
    public void A_trip_boarded_downstream_first_still_takes_an_upstream_boarding_where_it_is_better_in_a_multi_criteria_search(
        string destination, double usdToTbilisi, bool useLowerBounds)
    {
        var planner = SameTrainBoardedDownstreamFirst(usdToTbilisi).Planner();
        var request = Request("KZNQZ", destination, At("Mon 00:00")) with { Tolerance = FrontTolerance.Exact };

        var front = planner.Plan(request, useLowerBounds).Itineraries;

        var viaAktau = Assert.Single(front, i => i.Legs[0].To.Locode.Value == "KZAKT");
        Assert.Equal(["Road", "LINE"], viaAktau.Legs.Select(l => l.Service?.Id ?? l.Mode.ToString()));
        Assert.Equal(
            planner.Plan(request, useLowerBounds, skipCoveredMoves: false).Itineraries.Select(i => (i.Arrival, i.CostUsd, i.Co2eKg)),
            front.Select(i => (i.Arrival, i.CostUsd, i.Co2eKg)));
    }
}
