using Caravan.Core.Geography;
using Caravan.Core.Network;

namespace Caravan.Core.Simulation;

/// <summary>
/// The lanes simulated shipments are booked on: the China–Europe and China–Türkiye trades from the main Chinese
/// railway origins. Three lanes in four avoid Russia, Belarus and Iran, so most traffic crosses the Caspian on the
/// Middle Corridor, as the corridor's own growth does; the rest may take any route.
/// </summary>
public static class SimulationLanes
{
    private static readonly string[] Origins = ["CNXIY", "CNCTU", "CNCKG", "CNZGZ", "CNURC", "CNYIW"];
    private static readonly string[] Destinations = ["DEDUI", "DEHAM", "PLMAL", "PLLOD", "NLRTM", "TRIST", "CZPRG", "HUBUD", "ATVIE"];
    private static readonly CountryCode[] MiddleCorridorAvoids = [CountryCode.Parse("RU"), CountryCode.Parse("BY"), CountryCode.Parse("IR")];

    /// <summary>Every lane whose two ends are terminals of <paramref name="network"/>, in a fixed order.</summary>
    public static IReadOnlyList<(Locode From, Locode To)> Of(CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var lanes = new List<(Locode, Locode)>();
        foreach (var from in Origins.Select(Locode.Parse).Where(l => network.FindTerminal(l) is not null))
        {
            foreach (var to in Destinations.Select(Locode.Parse).Where(l => network.FindTerminal(l) is not null))
            {
                lanes.Add((from, to));
            }
        }

        return lanes;
    }

    /// <summary>A lane drawn from <paramref name="network"/>'s lanes; null when the network has none of them.</summary>
    public static SimulationLane? Draw(CorridorNetwork network, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var lanes = Of(network);
        if (lanes.Count == 0)
        {
            return null;
        }

        var (from, to) = lanes[random.Next(lanes.Count)];
        return new SimulationLane(from, to, random.NextDouble() < 0.75 ? MiddleCorridorAvoids : []);
    }
}
