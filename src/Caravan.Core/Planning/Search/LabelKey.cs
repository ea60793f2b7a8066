namespace Caravan.Core.Planning.Search;

/// <summary>
/// The order labels are settled in: estimated arrival (arrival plus a lower bound on the time still to go),
/// then arrival, cost, CO2e and creation order (for determinism).
/// </summary>
internal readonly record struct LabelKey(int Estimate, int Time, double Cost, double Co2e, int Sequence) : IComparable<LabelKey>
{
    public int CompareTo(LabelKey other)
    {
        var c = Estimate.CompareTo(other.Estimate);
        if (c != 0)
        {
            return c;
        }

        c = Time.CompareTo(other.Time);
        if (c != 0)
        {
            return c;
        }

        c = Cost.CompareTo(other.Cost);
        if (c != 0)
        {
            return c;
        }

        c = Co2e.CompareTo(other.Co2e);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }
}
