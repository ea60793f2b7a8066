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

    /// <summary>
    /// How long before a simulation's window a shipment may leave: a container already on its way when the simulation
    /// starts, whose earlier readings are sent at once.
    /// </summary>
    public static readonly TimeSpan HistoryBefore = TimeSpan.FromDays(10);

    /// <summary>
    /// A lane drawn from <paramref name="network"/>'s lanes, to be planned from an earliest departure drawn between
    /// <see cref="HistoryBefore"/> before <paramref name="windowStart"/> and <paramref name="latestDeparture"/>; null when
    /// the network has none of the lanes.
    /// </summary>
    public static SimulationLane? Draw(CorridorNetwork network, Random random, DateTimeOffset windowStart, DateTimeOffset latestDeparture)
    {
        ArgumentNullException.ThrowIfNull(random);
        var lanes = Of(network);
        if (lanes.Count == 0)
        {
            return null;
        }

        var (from, to) = lanes[random.Next(lanes.Count)];
        var avoid = random.NextDouble() < 0.75 ? MiddleCorridorAvoids : [];
        var earliest = windowStart - HistoryBefore;
        var minutes = Math.Floor(Math.Max(0, (latestDeparture - earliest).TotalMinutes) * random.NextDouble());
        var departure = earliest + TimeSpan.FromMinutes(minutes);
        return new SimulationLane(from, to, avoid, departure.AddTicks(-(departure.UtcTicks % TimeSpan.TicksPerMinute)).ToUniversalTime());
    }
}
