using Caravan.Core.Geography;
using Caravan.Core.Planning;
using Caravan.Core.Shipments;
using Caravan.Core.Tests.DefaultNetwork;

namespace Caravan.Core.Tests.Simulation;

/// <summary>
/// Itineraries of the shipped network for the simulation tests, planned once: Xi'an → Duisburg across the Caspian
/// (avoiding Russia, Belarus and Iran), and Chongqing → Duisburg by any route.
/// </summary>
public sealed class SimulatedItineraries
{
    public static readonly DateTimeOffset Departure = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public SimulatedItineraries()
    {
        Fixture = new DefaultNetworkFixture();
        AcrossTheCaspian = Plan("CNXIY", "DEDUI", ["RU", "BY", "IR"]);
        AnyRoute = Plan("CNCKG", "DEDUI", []);
    }

    public DefaultNetworkFixture Fixture { get; }

    public ShipmentItinerary AcrossTheCaspian { get; }

    public ShipmentItinerary AnyRoute { get; }

    private ShipmentItinerary Plan(string from, string to, string[] avoid)
    {
        var network = Fixture.Network;
        var request = new RouteRequest(Locode.Parse(from), Locode.Parse(to), Departure, [new ContainerLoad(network.FindContainerType("40HC")!, 1)])
        {
            Constraints = new RouteConstraints { AvoidCountries = avoid.Select(CountryCode.Parse).ToHashSet() },
        };
        var result = Fixture.RoutePlanner.Plan(request);
        return ShipmentItinerary.From(result.Itineraries[0]);
    }
}
