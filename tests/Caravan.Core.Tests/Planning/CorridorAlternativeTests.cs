using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using static Caravan.Core.Tests.Planning.TestNetwork;

namespace Caravan.Core.Tests.Planning;

/// <summary>Corridors off the Pareto front are still offered, each with the listed itinerary that beats it.</summary>
public sealed class CorridorAlternativeTests
{
    //            ┌─ north: 1000 km + 1000 km rail @ 50 km/h, $1000 + $1000 ─ KZNOR ─┐   40 h, $2000, 80 kg   fast
    //   CNORG ───┼─ middle: 1000 km + 1000 km rail @ 40 km/h, $1500 + $1500 ─ AZMID ─┼── DEDST   50 h, $3000, 80 kg   beaten by north
    //            └─ south: 1500 km + 1500 km rail @ 30 km/h, $500 + $500 ─── IRSOU ─┘  100 h, $1000, 120 kg  cheap
    private static CorridorNetwork ThreeCorridors()
    {
        Terminal T(string code) => new(
            Locode.Parse(code), code, Locode.Parse(code).Country, new GeoPoint(40, 50), TerminalKind.RailTerminal,
            RailGauges.Standard1435, 0, 0, 0, 0, LocodeStatus.Custom, "test", string.Empty);
        Link L(string id, string from, string to, double km, double kmh, double usd, string corridor) => new(
            id, Locode.Parse(from), Locode.Parse(to), TransportMode.Rail, km, RailGauges.Standard1435, "rail", "test", corridor,
            LinkAvailability.Continuous, kmh, usd, [], false, "test", string.Empty);
        return CorridorNetwork.Compile(
            [T("CNORG"), T("KZNOR"), T("AZMID"), T("IRSOU"), T("DEDST")],
            [
                L("n1", "CNORG", "KZNOR", 1000, 50, 1000, "north"), L("n2", "KZNOR", "DEDST", 1000, 50, 1000, "north"),
                L("m1", "CNORG", "AZMID", 1000, 40, 1500, "middle"), L("m2", "AZMID", "DEDST", 1000, 40, 1500, "middle"),
                L("s1", "CNORG", "IRSOU", 1500, 30, 500, "south"), L("s2", "IRSOU", "DEDST", 1500, 30, 500, "south"),
            ],
            [],
            [new Corridor("north", "North", string.Empty), new Corridor("middle", "Middle", string.Empty), new Corridor("south", "South", string.Empty)],
            Reference);
    }

    [Fact]
    public void A_corridor_beaten_on_every_criterion_is_offered_as_an_alternative_naming_what_beats_it()
    {
        var result = new RoutePlanner(ThreeCorridors()).Plan(Request("CNORG", "DEDST", At("Mon 00:00")) with { IncludeCorridorAlternatives = true });

        Assert.Equal(["North", "South"], result.Itineraries.Select(i => i.CorridorName));
        var alternative = Assert.Single(result.Alternatives);
        Assert.Equal("Middle", alternative.Itinerary.CorridorName);
        Assert.Equal((At("Mon 00:00").AddHours(50), 3000.0), (alternative.Itinerary.Arrival, alternative.Itinerary.CostUsd));
        Assert.Equal(0, alternative.DominatedBy);
    }

    [Fact]
    public void Alternatives_are_only_computed_when_asked_for()
    {
        var result = new RoutePlanner(ThreeCorridors()).Plan(Request("CNORG", "DEDST", At("Mon 00:00")));

        Assert.Empty(result.Alternatives);
        Assert.Equal(2, result.Itineraries.Count);
    }

    [Fact]
    public void Near_identical_itineraries_are_folded_by_default_and_kept_with_the_exact_tolerance()
    {
        // Three parallel roads of 1000 km (same CO2e): 20 h $2000 (fastest), 21 h $1995 (0.25 % cheaper, an hour
        // later: folded into the fastest), 40 h $1000 (cheapest).
        var network = new TestNetwork()
            .Terminal("TRKAR").Terminal("TRIST")
            .Road("TRKAR", "TRIST", km: 1000, kmh: 50, usd: 2000)
            .Road("TRKAR", "TRIST", km: 1000, kmh: 1000 / 21.0, usd: 1995)
            .Road("TRKAR", "TRIST", km: 1000, kmh: 25, usd: 1000)
            .Planner();
        var request = Request("TRKAR", "TRIST", At("Mon 00:00"));

        var folded = network.Plan(request with { Tolerance = FrontTolerance.Default with { SearchFraction = 0 } });
        var exact = network.Plan(request with { Tolerance = FrontTolerance.Exact });

        Assert.Equal([2000.0, 1995.0, 1000.0], exact.Itineraries.Select(i => i.CostUsd));
        Assert.Equal([2000.0, 1000.0], folded.Itineraries.Select(i => i.CostUsd));
    }
}
