using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning;

namespace Caravan.Core.Tests.DefaultNetwork;

public sealed class DefaultNetworkTests(DefaultNetworkFixture fixture) : IClassFixture<DefaultNetworkFixture>
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    private static readonly CountryCode Russia = CountryCode.Parse("RU");
    private static readonly CountryCode Belarus = CountryCode.Parse("BY");

    [Fact]
    public void The_shipped_network_loads_without_a_problem()
    {
        Assert.Empty(fixture.Result.Problems);
        Assert.True(fixture.Network.Terminals.Count >= 60, $"only {fixture.Network.Terminals.Count} terminals");
        Assert.True(fixture.Network.Links.Count >= 100, $"only {fixture.Network.Links.Count} links");
    }

    [Theory]
    [InlineData("CNXIY"), InlineData("CNCKG"), InlineData("CNCTU"), InlineData("CNZGZ"), InlineData("CNYIW")]
    [InlineData("CNURC"), InlineData("CNLYG"), InlineData("CNSHA"), InlineData("CNSZX"), InlineData("GEPTI")]
    [InlineData("DEDUI"), InlineData("DEHAM"), InlineData("NLRTM"), InlineData("ESMAD"), InlineData("PLLOD")]
    public void The_corridor_terminals_named_in_the_reference_are_present(string locode) =>
        Assert.NotNull(fixture.Network.FindTerminal(Locode.Parse(locode)));

    [Theory]
    [InlineData("Constanta", "ROCND"), InlineData("Lodz", "PLLOD"), InlineData("Łódź", "PLLOD"), InlineData("Xian", "CNXIY")]
    [InlineData("xi'an", "CNXIY"), InlineData("Malaszewicze", "PLMAL"), InlineData("Kuznica", "PLKUZ"), InlineData("kapikule", "TRKPK")]
    [InlineData("Alat", "AZALT"), InlineData("Turkmenbasy", "TMKRW"), InlineData("Grossbeeren", "DEBER"), InlineData("duisburg", "DEDUI")]
    public void A_terminal_is_found_by_its_name_as_typed_without_diacritics(string typed, string locode)
    {
        var found = fixture.Network.ResolveTerminal(typed);
        Assert.Equal(locode, Assert.Single(found).Locode.ToString());
    }

    [Fact]
    public void Every_terminal_name_of_the_shipped_network_can_be_typed_in_ASCII()
    {
        foreach (var terminal in fixture.Network.Terminals)
        {
            var folded = PlaceNames.Fold(terminal.Name);
            Assert.True(folded.All(char.IsAscii), $"{terminal.Locode} '{terminal.Name}' folds to '{folded}', which is not ASCII");
        }
    }

    [Fact]
    public void Chongqing_to_Duisburg_offers_a_Northern_and_a_Middle_Corridor_itinerary()
    {
        var result = fixture.RoutePlanner.Plan(Request("CNCKG", "DEDUI") with { IncludeCorridorAlternatives = true });

        Assert.True(result.Itineraries.Count >= 2, Describe(result));
        Assert.Contains(result.Itineraries, i => i.Crosses(Russia) && i.Crosses(Belarus));
        var offered = result.Itineraries.Concat(result.Alternatives.Select(a => a.Itinerary)).ToList();
        Assert.Contains(offered, CrossesTheCaspian);
    }

    [Fact]
    public void A_corridor_alternative_off_the_front_names_the_itinerary_that_beats_it()
    {
        var result = fixture.RoutePlanner.Plan(Request("CNCKG", "DEDUI") with { IncludeCorridorAlternatives = true });

        Assert.NotEmpty(result.Alternatives);
        var listedCorridors = result.Itineraries.SelectMany(i => i.Corridors).ToHashSet();
        Assert.All(result.Alternatives, a =>
        {
            Assert.DoesNotContain(a.Itinerary.Corridors, listedCorridors.Contains);
            if (a.DominatedBy is { } by)
            {
                var better = result.Itineraries[by];
                Assert.True(better.Arrival <= a.Itinerary.Arrival && better.CostUsd <= a.Itinerary.CostUsd && better.Co2eKg <= a.Itinerary.Co2eKg);
            }
        });
    }

    [Fact]
    public void The_northern_run_from_Dostyk_names_each_railway_once_on_its_own()
    {
        var legs = fixture.RoutePlanner.Plan(Request("CNCKG", "DEDUI")).Itineraries.SelectMany(i => i.Legs).ToList();

        // A carrier's write rights split the operator text at '/': each railway must stand alone there.
        var run = legs.First(l => l.Service is null && l.From.Locode.Value == "KZDSK");
        Assert.Equal(["KTZ", "RZD", "BCh", "PKP"], run.Operator.Split('/', StringSplitOptions.TrimEntries));
        Assert.All(legs, l => Assert.DoesNotContain(",", l.Operator, StringComparison.Ordinal));
    }

    [Fact]
    public void Planning_is_deterministic_including_the_percentiles()
    {
        var first = fixture.RoutePlanner.Plan(Request("CNXIY", "DEDUI") with { IncludeCorridorAlternatives = true });
        var second = new RoutePlanner(fixture.Network).Plan(Request("CNXIY", "DEDUI") with { IncludeCorridorAlternatives = true });

        Assert.Equal(Summary(first), Summary(second));
    }

    [Fact]
    public void Avoiding_Russia_and_Belarus_every_land_itinerary_crosses_the_Caspian_or_Iran()
    {
        var request = Request("CNCKG", "DEDUI") with
        {
            Constraints = new RouteConstraints
            {
                AvoidCountries = new HashSet<CountryCode> { Russia, Belarus },
                AllowedModes = new HashSet<TransportMode> { TransportMode.Rail, TransportMode.Road, TransportMode.Ferry },
            },
        };

        var result = fixture.RoutePlanner.Plan(request);

        Assert.NotEmpty(result.Itineraries);
        Assert.All(result.Itineraries, i =>
        {
            Assert.False(i.Crosses(Russia) || i.Crosses(Belarus), i.CorridorName);
            Assert.True(CrossesTheCaspian(i) || i.Crosses(CountryCode.Parse("IR")), $"{i.CorridorName}: {string.Join(",", i.Countries)}");
        });
    }

    [Fact]
    public void Avoiding_Russia_and_Belarus_with_every_mode_no_itinerary_touches_them()
    {
        var request = Request("CNCKG", "DEDUI") with
        {
            Constraints = new RouteConstraints { AvoidCountries = new HashSet<CountryCode> { Russia, Belarus } },
        };

        var result = fixture.RoutePlanner.Plan(request);

        Assert.NotEmpty(result.Itineraries);
        Assert.All(result.Itineraries, i => Assert.False(i.Crosses(Russia) || i.Crosses(Belarus), i.CorridorName));
    }

    [Fact]
    public void Sea_via_the_Cape_is_slower_than_via_Suez()
    {
        // Weekly sailings with a 72-hour cut-off: a 14-day window makes sure each loop's next sailing is catchable.
        var viaSuez = fixture.RoutePlanner.EarliestArrival(Request("CNSHA", "NLRTM") with
        {
            DepartureWindow = TimeSpan.FromDays(14),
            Constraints = new RouteConstraints { AllowedModes = new HashSet<TransportMode> { TransportMode.Sea } },
        });
        var viaCape = fixture.RoutePlanner.EarliestArrival(Request("CNSHA", "NLRTM") with
        {
            DepartureWindow = TimeSpan.FromDays(14),
            Constraints = new RouteConstraints
            {
                AllowedModes = new HashSet<TransportMode> { TransportMode.Sea },
                AvoidCountries = new HashSet<CountryCode> { CountryCode.Parse("EG") },
            },
        });

        Assert.NotNull(viaSuez);
        Assert.NotNull(viaCape);
        Assert.True(viaSuez.Crosses(CountryCode.Parse("EG")));
        Assert.True(viaCape.TransitTime > viaSuez.TransitTime + TimeSpan.FromDays(5), $"Suez {viaSuez.TransitTime}, Cape {viaCape.TransitTime}");
    }

    [Fact]
    public void Every_itinerary_has_consistent_totals_and_percentiles()
    {
        var result = fixture.RoutePlanner.Plan(Request("CNXIY", "DEDUI"));

        Assert.NotEmpty(result.Itineraries);
        Assert.All(result.Itineraries, i =>
        {
            Assert.True(i.ArrivalP50 <= i.ArrivalP90);
            Assert.True(i.CostUsd > 0 && i.Co2eKg > 0 && i.DistanceKm > 0);
            Assert.Equal("CN", i.Countries[0].Value);
            Assert.Equal("DE", i.Countries[^1].Value);
            for (var k = 1; k < i.Legs.Count; k++)
            {
                Assert.Equal(i.Legs[k - 1].To, i.Legs[k].From);
                Assert.True(i.Legs[k].Departure >= i.Legs[k - 1].Arrival);
            }
        });
    }

    private static bool CrossesTheCaspian(Itinerary itinerary) =>
        itinerary.Legs.Any(l => l.Mode == TransportMode.Ferry && l.From.Country.Value is "KZ" or "TM" && l.To.Country.Value == "AZ");

    private RouteRequest Request(string from, string to) =>
        new(Locode.Parse(from), Locode.Parse(to), Monday, [new ContainerLoad(fixture.Network.FindContainerType("40HC")!, 1)]);

    private static string Summary(PlanResult result) =>
        string.Join(" | ", result.Itineraries.Concat(result.Alternatives.Select(a => a.Itinerary))
            .Select(i => $"{i.CorridorName} {i.Departure:O} {i.Arrival:O} {i.ArrivalP50:O} {i.ArrivalP90:O} {i.CostUsd:0.00} {i.Co2eKg:0.00}"));

    private static string Describe(PlanResult result) =>
        result.Found
            ? string.Join(Environment.NewLine, result.Itineraries.Select(i => $"{i.CorridorName} {i.TransitTime.TotalDays:0.0} d {i.CostUsd:0} USD {i.Co2eKg:0} kg"))
            : result.NoRouteReason ?? "no route";
}
