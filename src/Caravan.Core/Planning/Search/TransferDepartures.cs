namespace Caravan.Core.Planning.Search;

/// <summary>
/// For multi-criteria searches: per terminal, the ready-to-leave vectors (time, cost, CO2e, transfers — after the
/// handling and dwell of a transfer there) of the labels expanded there so far, none dominating another. Everything a
/// transfer leads to — every ride, every continuous run of another kind than the one a label arrived on — depends
/// only on that vector and is monotone in it, so a label whose vector one of these is no worse than on every
/// criterion, exactly, reaches nothing by a transfer that the earlier label did not reach as early, as cheaply and as
/// cleanly: only staying on its own continuous run can still gain. Labels of different arrival contexts never cover
/// each other in a bag, so this catches what bags cannot (a rail arrival and a road arrival at the same terminal).
/// </summary>
internal sealed class TransferDepartures
{
    private readonly Entry[]?[] _fronts;
    private readonly int[] _counts;
    private readonly List<int> _touched = [];

    public TransferDepartures(int terminalCount)
    {
        _fronts = new Entry[terminalCount][];
        _counts = new int[terminalCount];
    }

    /// <summary>
    /// True when a label already expanded at <paramref name="terminal"/> left it with a transfer no later, no dearer,
    /// no dirtier and (when <paramref name="compareTransfers"/>) after no more transfers than <paramref name="ready"/>;
    /// otherwise records <paramref name="ready"/> and drops the vectors it is no worse than.
    /// </summary>
    public bool AlreadyLeft(int terminal, in Label ready, bool compareTransfers)
    {
        var front = _fronts[terminal];
        var count = _counts[terminal];
        var leaving = new Entry { Time = ready.Time, Transfers = ready.Transfers, Cost = ready.Cost, Co2e = ready.Co2e };
        for (var i = 0; i < count; i++)
        {
            if (front![i].IsNoWorseThan(leaving, compareTransfers))
            {
                return true;
            }
        }

        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (!leaving.IsNoWorseThan(front![i], compareTransfers))
            {
                front[kept++] = front[i];
            }
        }

        if (count == 0)
        {
            _touched.Add(terminal);
        }

        PerTerminalArray.RoomForOneMore(ref _fronts[terminal], kept)[kept] = leaving;
        _counts[terminal] = kept + 1;
        return false;
    }

    public void Clear()
    {
        foreach (var terminal in _touched)
        {
            _counts[terminal] = 0;
        }

        _touched.Clear();
    }

    private struct Entry
    {
        public int Time;
        public byte Transfers;
        public double Cost;
        public double Co2e;

        public readonly bool IsNoWorseThan(in Entry other, bool compareTransfers) =>
            Time <= other.Time && Cost <= other.Cost && Co2e <= other.Co2e && (!compareTransfers || Transfers <= other.Transfers);
    }
}
