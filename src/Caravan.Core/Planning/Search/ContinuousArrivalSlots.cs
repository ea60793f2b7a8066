using Caravan.Core.Network;

namespace Caravan.Core.Planning.Search;

/// <summary>
/// Numbers the (terminal, continuous arrival context) pairs the network's arcs can produce, so a per-pair table holds
/// only those: a terminal is reached on two or three kinds of continuous run, not on all sixteen a context byte can
/// name. Each arc knows its pair's slot, so reading the table for an arc tried costs no lookup of the context.
/// </summary>
internal sealed class ContinuousArrivalSlots
{
    public ContinuousArrivalSlots(CorridorNetwork network)
    {
        var terminalCount = network.Terminals.Count;
        var contextsInto = new List<byte>[terminalCount];
        for (var a = 0; a < network.ArcTo.Length; a++)
        {
            var list = contextsInto[network.ArcTo[a]] ??= [];
            if (!list.Contains(network.ArcContext[a]))
            {
                list.Add(network.ArcContext[a]);
            }
        }

        TerminalStart = new int[terminalCount + 1];
        for (var v = 0; v < terminalCount; v++)
        {
            TerminalStart[v + 1] = TerminalStart[v] + (contextsInto[v]?.Count ?? 0);
        }

        ArcSlot = new int[network.ArcTo.Length];
        for (var a = 0; a < ArcSlot.Length; a++)
        {
            var to = network.ArcTo[a];
            ArcSlot[a] = TerminalStart[to] + contextsInto[to]!.IndexOf(network.ArcContext[a]);
        }
    }

    /// <summary>Per arc: the slot of its head terminal and its context.</summary>
    public int[] ArcSlot { get; }

    /// <summary>Per terminal: its first slot; its slots run to the next terminal's first.</summary>
    public int[] TerminalStart { get; }

    /// <summary>How many slots there are.</summary>
    public int Count => TerminalStart[^1];
}
