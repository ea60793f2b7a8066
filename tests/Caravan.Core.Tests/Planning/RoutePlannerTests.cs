using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using static Caravan.Core.Tests.Planning.SampleNetworks;
using static Caravan.Core.Tests.Planning.TestNetwork;

namespace Caravan.Core.Tests.Planning;

/// <summary>The planner's answer as a whole: scaled to the consignment, deterministic, the same through every entry point.</summary>
public sealed class RoutePlannerTests
{
    // GaugeBreak for one 40HC: freight 1500 + 300, handling 250 -> $2050; transport 2800 km x 0.02 x 2 TEU = 112 kg,
    // hub 5 x 2 TEU = 10 kg -> 122 kg.
    [Theory]
    [InlineData(1, "40HC", 2050, 122)]
    [InlineData(2, "40HC", 4100, 244)] // twice one 40HC
    [InlineData(1, "40GP", 2050, 122)]
    [InlineData(1, "20GP", 1230, 61)] // cost x0.6; one TEU: half the CO2e
    [InlineData(3, "20GP", 3690, 183)]
    [InlineData(1, "40RF", 3075, 158.6)] // reefer: cost x1.5, CO2e x1.3
    public void Plan_scales_cost_and_CO2e_to_the_consignment(int count, string type, double cost, double co2e)
    {
        var itinerary = Assert.Single(GaugeBreak().Planner().Plan(Request("CNXIY", "KZALA", At("Mon 00:00"), count, type)).Itineraries);

        Assert.Equal(cost, itinerary.CostUsd, 6);
        Assert.Equal(co2e, itinerary.Co2eKg, 6);
        Assert.Equal(cost, itinerary.Legs.Sum(l => l.FreightCostUsd + l.HandlingCostUsd), 6);
        Assert.Equal(At("Thu 02:00"), itinerary.Arrival);
    }

    [Fact]
    public void Plan_for_a_mixed_consignment_adds_the_container_factors()
    {
        // 1 x 40HC + 1 x 20GP: cost 2050 x (1 + 0.6) = 3280; CO2e 61 kg per TEU x 3 TEU = 183 kg.
        var request = new RouteRequest(
            Locode.Parse("CNXIY"),
            Locode.Parse("KZALA"),
            At("Mon 00:00"),
            [new ContainerLoad(Container("40HC"), 1), new ContainerLoad(Container("20GP"), 1)]);

        var itinerary = Assert.Single(GaugeBreak().Planner().Plan(request).Itineraries);

        Assert.Equal(3280, itinerary.CostUsd, 6);
        Assert.Equal(183, itinerary.Co2eKg, 6);
    }

    [Fact]
    public void Plan_answers_the_same_request_identically_every_time()
    {
        // A front of two (road around the Caspian, ferry) with wide dwells, so P50/P90 come from sampling.
        static TestNetwork Network() => new TestNetwork()
            .Terminal("KZBEY", dwellHours: 1, dwellP90Hours: 30)
            .Terminal("KZAKT", handlingHours: 2, handlingUsd: 150, dwellHours: 6, dwellP90Hours: 80)
            .Terminal("AZALA", dwellHours: 4, dwellP90Hours: 40)
            .Terminal("GEPTI")
            .Rail("KZBEY", "KZAKT", km: 500, kmh: 50, usd: 400)
            .Ferry("ADY", "KZAKT", "AZALA", km: 400, hours: 20, usd: 1200, cutoffHours: 4, "Tue 10:00", "Fri 10:00")
            .Road("KZBEY", "AZALA", km: 1500, kmh: 60, usd: 3500, "RU")
            .Rail("AZALA", "GEPTI", km: 900, kmh: 30, usd: 600);
        var request = Request("KZBEY", "GEPTI", At("Mon 08:00"), 2);
        var planner = Network().Planner();

        var first = Describe(planner.Plan(request));
        var again = Describe(planner.Plan(request));
        var fresh = Describe(Network().Planner().Plan(request));

        Assert.True(first.Count >= 2);
        Assert.Equal(first, again);
        Assert.Equal(first, fresh);
    }

    [Fact]
    public void EarliestArrival_is_the_first_itinerary_of_the_front()
    {
        // Caspian ferry (Sat 06:00) and the road around it (Wed 02:00): the road arrives first.
        var planner = Caspian().Road("KZAKT", "AZALA", km: 2500, kmh: 50, usd: 3500, "RU").Planner();
        var request = Request("KZAKT", "AZALA", At("Mon 00:00"));

        var earliest = planner.EarliestArrival(request);

        Assert.NotNull(earliest);
        Assert.Equal(At("Wed 02:00"), earliest.Arrival);
        Assert.Equal(planner.Plan(request).Itineraries[0].Arrival, earliest.Arrival);
    }

    [Fact]
    public void EarliestArrival_is_null_when_there_is_no_route()
    {
        var request = Request("KZAKT", "AZALA", At("Mon 00:00")) with { DepartureWindow = TimeSpan.FromDays(1) };

        Assert.Null(Caspian().Planner().EarliestArrival(request));
    }

    [Fact]
    public void Leaving_within_the_window_is_not_a_run_out_and_back_to_the_origin()
    {
        // The only way on is Friday's ferry, days after a one-day window. A rail run to Beyneu and back would leave
        // within the window, but a container that comes back to where it started has not left.
        var planner = new TestNetwork()
            .Terminal("KZBEY", gauges: RailGauges.Broad1520)
            .Terminal("KZAKT", gauges: RailGauges.Broad1520, kind: TerminalKind.FerryPort)
            .Terminal("AZALA", kind: TerminalKind.FerryPort)
            .Continuous("KZAKT", "KZBEY", TransportMode.Rail, km: 500, kmh: 50, usd: 400, RailGauges.Broad1520, bidirectional: true)
            .Ferry("ADY", "KZAKT", "AZALA", km: 400, hours: 20, usd: 1200, cutoffHours: 6, "Fri 10:00")
            .Planner();
        var request = Request("KZAKT", "AZALA", At("Mon 00:00")) with { DepartureWindow = TimeSpan.FromDays(1) };

        Assert.Empty(planner.Plan(request).Itineraries);
        Assert.Null(planner.EarliestArrival(request));
        Assert.NotEmpty(planner.Plan(request with { DepartureWindow = TimeSpan.FromDays(7) }).Itineraries);
    }

    private static List<string> Describe(PlanResult result) =>
        result.Itineraries
            .Select(i => string.Join(
                " | ",
                i.Legs.Select(l => $"{l.From.Locode}>{l.To.Locode} {l.Mode} {l.Service?.Id} {l.Departure:o} {l.Arrival:o} {l.CostUsd:R} {l.Co2eKg:R}")
                    .Append($"P50 {i.ArrivalP50:o} P90 {i.ArrivalP90:o}")))
            .ToList();
}
