using Caravan.Core.Network;
using Caravan.Core.Planning.Search;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// The earliest-arrival search's per-terminal, per-context table holds one slot for each terminal and kind of
/// continuous run some arc arrives on: arcs into the same terminal on the same kind of run share it, and nothing else does.
/// </summary>
public sealed class ContinuousArrivalSlotsTests
{
    //   KZNQZ ──road──> KZAST <──road── KZKAR
    //   KZNQZ ──1435 rail──^
    private static CorridorNetwork TwoRoadsAndARailIntoAstana() => new TestNetwork()
        .Terminal("KZNQZ", gauges: RailGauges.Standard1435)
        .Terminal("KZAST", gauges: RailGauges.Standard1435)
        .Terminal("KZKAR")
        .Road("KZNQZ", "KZAST", km: 60, kmh: 60, usd: 100)
        .Road("KZKAR", "KZAST", km: 60, kmh: 60, usd: 100)
        .Rail("KZNQZ", "KZAST", km: 120, kmh: 60, usd: 100)
        .Build();

    [Fact]
    public void Arcs_into_one_terminal_share_a_slot_only_on_the_same_kind_of_run()
    {
        var network = TwoRoadsAndARailIntoAstana();
        var slots = new ContinuousArrivalSlots(network);
        var astana = network.IndexOf(Caravan.Core.Geography.Locode.Parse("KZAST"));
        var into = Enumerable.Range(0, network.ArcTo.Length).Where(a => network.ArcTo[a] == astana).ToList();

        Assert.Equal(3, into.Count);
        var road = into.Where(a => network.ArcContext[a] == SearchContext.Continuous(TransportMode.Road, RailGauges.None)).ToList();
        Assert.Equal(2, road.Count);
        var rail = Assert.Single(into.Except(road));
        Assert.Equal(slots.ArcSlot[road[0]], slots.ArcSlot[road[1]]);
        Assert.NotEqual(slots.ArcSlot[road[0]], slots.ArcSlot[rail]);
        Assert.Equal(2, slots.TerminalStart[astana + 1] - slots.TerminalStart[astana]);
        Assert.All(into, a => Assert.InRange(slots.ArcSlot[a], slots.TerminalStart[astana], slots.TerminalStart[astana + 1] - 1));
    }
}
