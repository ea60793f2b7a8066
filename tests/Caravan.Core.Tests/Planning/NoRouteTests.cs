using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using static Caravan.Core.Tests.Planning.SampleNetworks;
using static Caravan.Core.Tests.Planning.TestNetwork;

namespace Caravan.Core.Tests.Planning;

/// <summary>"No route" is an answer with a reason that names the cause, never an exception.</summary>
public sealed class NoRouteTests
{
    //   KZDOS ──rail 1520, 80 h, $2500, via RU, BY──> PLMAL   (the only way)
    private static RoutePlanner OnlyAcrossRussia() => new TestNetwork()
        .Terminal("KZDOS", gauges: RailGauges.Broad1520)
        .Terminal("PLMAL", gauges: RailGauges.Standard1435 | RailGauges.Broad1520)
        .Terminal("RUMOW", gauges: RailGauges.Broad1520)
        .Rail("KZDOS", "PLMAL", km: 4000, kmh: 50, usd: 2500, RailGauges.Broad1520, "RU", "BY")
        .Planner();

    private static string? Reason(RoutePlanner planner, RouteRequest request)
    {
        var result = planner.Plan(request);
        Assert.False(result.Found);
        Assert.Empty(result.Itineraries);
        return result.NoRouteReason;
    }

    [Fact]
    public void No_route_names_the_avoided_country_every_path_crosses()
    {
        var request = Request("KZDOS", "PLMAL", At("Mon 00:00")) with
        {
            Constraints = new RouteConstraints { AvoidCountries = new HashSet<CountryCode> { CountryCode.Parse("RU") } },
        };

        Assert.Equal("every path between KZDOS (KZDOS) and PLMAL (PLMAL) crosses a country to avoid (RU)", Reason(OnlyAcrossRussia(), request));
    }

    [Fact]
    public void No_route_names_an_origin_in_an_avoided_country()
    {
        var request = Request("KZDOS", "PLMAL", At("Mon 00:00")) with
        {
            Constraints = new RouteConstraints { AvoidCountries = new HashSet<CountryCode> { CountryCode.Parse("KZ") } },
        };

        Assert.Equal("the origin KZDOS (KZDOS) is in KZ, a country to avoid", Reason(OnlyAcrossRussia(), request));
    }

    [Fact]
    public void No_route_names_the_avoided_terminal_every_path_passes()
    {
        // GaugeBreak: the only way from Xi'an to Almaty is through Khorgos.
        var request = Request("CNXIY", "KZALA", At("Mon 00:00")) with
        {
            Constraints = new RouteConstraints { AvoidTerminals = new HashSet<Locode> { Locode.Parse("KZKHG") } },
        };

        Assert.Equal("every path between CNXIY (CNXIY) and KZALA (KZALA) passes a terminal to avoid (KZKHG)", Reason(GaugeBreak().Planner(), request));
    }

    [Fact]
    public void No_route_says_when_the_network_has_no_connection()
    {
        // RUMOW has no link at all.
        Assert.Equal(
            "the network has no connection between KZDOS (KZDOS) and RUMOW (RUMOW)",
            Reason(OnlyAcrossRussia(), Request("KZDOS", "RUMOW", At("Mon 00:00"))));
    }

    [Fact]
    public void No_route_names_the_modes_no_path_keeps_to()
    {
        var request = Request("KZDOS", "PLMAL", At("Mon 00:00")) with
        {
            Constraints = new RouteConstraints { AllowedModes = new HashSet<TransportMode> { TransportMode.Road, TransportMode.Ferry } },
        };

        Assert.Equal("no path between KZDOS (KZDOS) and PLMAL (PLMAL) uses only ferry, road", Reason(OnlyAcrossRussia(), request));
    }

    [Fact]
    public void No_route_says_every_path_needs_more_transfers()
    {
        // GaugeBreak needs one transfer, at Khorgos.
        var request = Request("CNXIY", "KZALA", At("Mon 00:00")) with { Constraints = new RouteConstraints { MaxTransfers = 0 } };

        Assert.Equal("every path between CNXIY (CNXIY) and KZALA (KZALA) needs more than 0 transfers", Reason(GaugeBreak().Planner(), request));
    }

    [Fact]
    public void No_route_names_an_origin_that_is_not_in_the_network()
    {
        Assert.Equal("origin CNSHA is not a terminal of the network", Reason(OnlyAcrossRussia(), Request("CNSHA", "PLMAL", At("Mon 00:00"))));
    }

    [Fact]
    public void No_route_says_when_only_the_constraints_together_exclude_every_path()
    {
        // Avoiding Russia and allowing only road: lifting either one alone still leaves no path.
        var request = Request("KZDOS", "PLMAL", At("Mon 00:00")) with
        {
            Constraints = new RouteConstraints
            {
                AvoidCountries = new HashSet<CountryCode> { CountryCode.Parse("RU") },
                AllowedModes = new HashSet<TransportMode> { TransportMode.Road },
            },
        };

        Assert.Equal("the constraints together exclude every path between KZDOS (KZDOS) and PLMAL (PLMAL)", Reason(OnlyAcrossRussia(), request));
    }
}
