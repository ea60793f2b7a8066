using Caravan.Core.Network;
using static Caravan.Core.Tests.Planning.SampleNetworks;
using static Caravan.Core.Tests.Planning.TestNetwork;

namespace Caravan.Core.Tests.Planning;

/// <summary>Weekly timetables, cut-offs, the departure window and leaving the origin as late as still catches the first ride.</summary>
public sealed class TimetableTests
{
    [Fact]
    public void Plan_waits_at_the_port_for_the_weekly_ferry()
    {
        // Caspian: KZAKT ==ferry ADY 400 km, 20 h, $1200, cut-off 6 h, Fri 10:00==> AZALA.
        // Ready Tue 08:00; the ferry sails Fri 10:00 and arrives 20 h later, Sat 06:00.
        // Cost 1200; CO2e 400 km x 0.05 kg/TEU-km x 2 TEU = 40 kg.
        var result = Caspian().Planner().Plan(Request("KZAKT", "AZALA", At("Tue 08:00")));

        var itinerary = Assert.Single(result.Itineraries);
        var leg = Assert.Single(itinerary.Legs);
        Assert.Equal("ADY", leg.Service?.Id);
        Assert.Equal(At("Fri 10:00"), leg.Departure);
        Assert.Equal(At("Sat 06:00"), itinerary.Arrival);
        Assert.Equal(1200, itinerary.CostUsd, 6);
        Assert.Equal(40, itinerary.Co2eKg, 6);
        Assert.Equal(0, itinerary.Transfers);
    }

    [Theory]
    [InlineData("Fri 03:59", 0)] // a minute to spare before the 04:00 cut-off: this week's sailing
    [InlineData("Fri 04:00", 0)] // exactly at the cut-off still makes it
    [InlineData("Fri 04:01", 7)] // a minute late: next week's sailing
    public void Plan_takes_the_first_sailing_whose_cut_off_the_container_makes(string ready, int daysLater)
    {
        // Sailing Fri 10:00 with a 6 h cut-off: the container must be at the port by Fri 04:00. The window is 8 days
        // so that next week's sailing, 7 days 5 h 59 min after a Fri 04:01 readiness, may still be taken.
        var request = Request("KZAKT", "AZALA", At(ready)) with { DepartureWindow = TimeSpan.FromDays(8) };
        var result = Caspian().Planner().Plan(request);

        var itinerary = Assert.Single(result.Itineraries);
        Assert.Equal(At("Fri 10:00").AddDays(daysLater), itinerary.Departure);
        Assert.Equal(At("Sat 06:00").AddDays(daysLater), itinerary.Arrival);
    }

    [Theory]
    [InlineData("Mon 20:00", 0)]
    [InlineData("Mon 20:01", 7)]
    public void Plan_applies_the_cut_off_at_the_stop_where_the_container_boards(string ready, int daysLater)
    {
        //   CNXIY 0 h ──600 km──> CNLZH 10 h ──1200 km──> CNURC 30 h   block train, Mon 12:00, cut-off 2 h, $1800
        // Boarding at Lanzhou: the train leaves Mon 22:00, cut-off Mon 20:00; it reaches Urumqi Tue 18:00.
        // A ride over 1200 of the 1800 km pays 1800 x 1200 / 1800 = 1200.
        var planner = new TestNetwork()
            .Terminal("CNXIY").Terminal("CNLZH").Terminal("CNURC")
            .Service("XU", TransportMode.Rail, usd: 1800, cutoffHours: 2, ["Mon 12:00"], ("CNXIY", 0, 0), ("CNLZH", 10, 600), ("CNURC", 30, 1200))
            .Planner();

        var request = Request("CNLZH", "CNURC", At(ready)) with { DepartureWindow = TimeSpan.FromDays(8) };
        var itinerary = Assert.Single(planner.Plan(request).Itineraries);

        Assert.Equal(At("Mon 22:00").AddDays(daysLater), itinerary.Departure);
        Assert.Equal(At("Tue 18:00").AddDays(daysLater), itinerary.Arrival);
        Assert.Equal(1200, itinerary.CostUsd, 6);
    }

    [Fact]
    public void Plan_does_not_use_a_service_whose_only_departure_is_after_the_window()
    {
        //   KZAKT ==ferry Fri 10:00 (20 h, $1200)==> AZALA
        //   KZAKT ──road 2500 km @ 50 km/h (50 h), $3500, around the Caspian via RU──> AZALA
        // Ready Mon 00:00. With a 3-day window the Friday ferry leaves too late; the road leaves at once and
        // arrives Wed 02:00. With 7 days both are on the front: road Wed 02:00 $3500 500 kg, ferry Sat 06:00 $1200 40 kg.
        var planner = Caspian().Road("KZAKT", "AZALA", km: 2500, kmh: 50, usd: 3500, "RU").Planner();
        var request = Request("KZAKT", "AZALA", At("Mon 00:00"));

        var narrow = planner.Plan(request with { DepartureWindow = TimeSpan.FromDays(3) });
        var wide = planner.Plan(request with { DepartureWindow = TimeSpan.FromDays(7) });

        var road = Assert.Single(narrow.Itineraries);
        Assert.Null(Assert.Single(road.Legs).Service);
        Assert.Equal(At("Wed 02:00"), road.Arrival);
        Assert.Equal(3500, road.CostUsd, 6);
        Assert.Collection(
            wide.Itineraries,
            first => Assert.Equal((At("Wed 02:00"), 3500.0, 500.0), (first.Arrival, first.CostUsd, Math.Round(first.Co2eKg, 6))),
            second => Assert.Equal((At("Sat 06:00"), 1200.0, 40.0), (second.Arrival, second.CostUsd, Math.Round(second.Co2eKg, 6))));
    }

    [Fact]
    public void Plan_with_only_a_service_after_the_window_says_no_itinerary_leaves_within_it()
    {
        var result = Caspian().Planner().Plan(Request("KZAKT", "AZALA", At("Mon 00:00")) with { DepartureWindow = TimeSpan.FromDays(3) });

        Assert.False(result.Found);
        Assert.Contains("leaves within 3 days", result.NoRouteReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_leaves_the_origin_as_late_as_still_catches_the_ferry()
    {
        // BeyneuToAlat: KZBEY ──rail 10 h, $400──> KZAKT [handling 2 h $150, dwell 2 h] ==ferry Fri 10:00, cut-off 4 h, 20 h==> AZALA.
        // Ferry Fri 10:00, cut-off 4 h: ready at Aktau by Fri 06:00, i.e. arrived by Fri 02:00 (dwell 2 h + handling 2 h),
        // so the train leaves Beyneu Thu 16:00, not Mon 00:00. Transit Thu 16:00 -> Sat 06:00 = 38 h.
        // Cost 400 + 150 handling + 1200 = 1750.
        var itinerary = Assert.Single(BeyneuToAlat().Planner().Plan(Request("KZBEY", "AZALA", At("Mon 00:00"))).Itineraries);

        Assert.Collection(
            itinerary.Legs,
            rail => Assert.Equal((At("Thu 16:00"), At("Fri 02:00")), (rail.Departure, rail.Arrival)),
            ferry => Assert.Equal((At("Fri 10:00"), At("Sat 06:00")), (ferry.Departure, ferry.Arrival)));
        Assert.Equal(TimeSpan.FromHours(38), itinerary.TransitTime);
        Assert.Equal(1750, itinerary.CostUsd, 6);
    }

    [Fact]
    public void Plan_leaves_no_later_than_the_end_of_the_window_even_when_the_ferry_is_later()
    {
        // Window 2 days: the train leaves Wed 00:00 at the latest, arrives Wed 10:00 and the container waits for Friday.
        var request = Request("KZBEY", "AZALA", At("Mon 00:00")) with { DepartureWindow = TimeSpan.FromDays(2) };

        var itinerary = Assert.Single(BeyneuToAlat().Planner().Plan(request).Itineraries);

        Assert.Equal(At("Wed 00:00"), itinerary.Departure);
        Assert.Equal(At("Wed 10:00"), itinerary.Legs[0].Arrival);
        Assert.Equal(At("Sat 06:00"), itinerary.Arrival);
        Assert.Equal(TimeSpan.FromHours(78), itinerary.TransitTime);
    }
}
