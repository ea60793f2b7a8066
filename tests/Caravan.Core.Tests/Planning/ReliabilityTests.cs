using Caravan.Core.Network;
using static Caravan.Core.Tests.Planning.SampleNetworks;
using static Caravan.Core.Tests.Planning.TestNetwork;

namespace Caravan.Core.Tests.Planning;

/// <summary>P50 and P90 arrival from the dwell distributions along an itinerary.</summary>
public sealed class ReliabilityTests
{
    [Fact]
    public void Without_dwell_spread_P50_and_P90_are_the_planned_arrival_of_a_ferry_from_the_origin()
    {
        // Caspian: ready Tue 08:00, ferry Fri 10:00 (cut-off 6 h) -> Sat 06:00, with nothing to vary.
        var itinerary = Assert.Single(Caspian().Planner().Plan(Request("KZAKT", "AZALA", At("Tue 08:00"))).Itineraries);

        Assert.Equal(At("Sat 06:00"), itinerary.ArrivalP50);
        Assert.Equal(At("Sat 06:00"), itinerary.ArrivalP90);
    }

    [Fact]
    public void Without_dwell_spread_P50_and_P90_are_the_planned_arrival_after_a_late_departure()
    {
        // BeyneuToAlat with Aktau's dwell always 2 h: leave Thu 16:00, ferry Fri 10:00, arrive Sat 06:00.
        var itinerary = Assert.Single(BeyneuToAlat(aktauDwellP90Hours: 2).Planner().Plan(Request("KZBEY", "AZALA", At("Mon 00:00"))).Itineraries);

        Assert.Equal(At("Sat 06:00"), itinerary.Arrival);
        Assert.Equal(itinerary.Arrival, itinerary.ArrivalP50);
        Assert.Equal(itinerary.Arrival, itinerary.ArrivalP90);
    }

    [Fact]
    public void Without_dwell_spread_P50_and_P90_are_the_planned_arrival_through_a_gauge_break()
    {
        var itinerary = Assert.Single(GaugeBreak().Planner().Plan(Request("CNXIY", "KZALA", At("Mon 00:00"))).Itineraries);

        Assert.Equal(At("Thu 02:00"), itinerary.ArrivalP50);
        Assert.Equal(At("Thu 02:00"), itinerary.ArrivalP90);
    }

    [Fact]
    public void A_wide_dwell_before_a_weekly_ferry_pushes_P90_a_week_later()
    {
        // Aktau's dwell: median 2 h, P90 72 h. The plan leaves Beyneu just in time for Friday's ferry (no slack), so
        // any dwell above the median misses it and waits a week: at least 10 % of replays arrive Sat 06:00 a week
        // later, and fewer than 10 % (dwell above 170 h, about 6 %) miss two sailings.
        var itinerary = Assert.Single(BeyneuToAlat(aktauDwellP90Hours: 72).Planner().Plan(Request("KZBEY", "AZALA", At("Mon 00:00"))).Itineraries);

        Assert.Equal(At("Sat 06:00"), itinerary.Arrival);
        Assert.Equal(At("Sat 06:00").AddDays(7), itinerary.ArrivalP90);
        Assert.True(itinerary.ArrivalP50 <= itinerary.ArrivalP90);
    }

    [Fact]
    public void P50_is_never_later_than_P90()
    {
        // GaugeBreak with wide dwells everywhere, on continuous links (no timetable to miss).
        var planner = new TestNetwork()
            .Terminal("CNXIY", dwellHours: 5, dwellP90Hours: 50)
            .Terminal("CNLZH", dwellHours: 3, dwellP90Hours: 40)
            .Terminal("KZKHG", handlingHours: 6, handlingUsd: 250, dwellHours: 12, dwellP90Hours: 96)
            .Terminal("KZALA")
            .Rail("CNXIY", "CNLZH", km: 600, kmh: 60, usd: 400)
            .Rail("CNLZH", "KZKHG", km: 1900, kmh: 50, usd: 1100)
            .Rail("KZKHG", "KZALA", km: 300, kmh: 50, usd: 300, RailGauges.Broad1520)
            .Planner();

        var itinerary = Assert.Single(planner.Plan(Request("CNXIY", "KZALA", At("Mon 00:00"))).Itineraries);

        Assert.True(itinerary.ArrivalP50 <= itinerary.ArrivalP90);
        Assert.True(itinerary.ArrivalP90 > itinerary.Arrival, "a P90 dwell of 96 h at Khorgos must show in P90");
    }
}
