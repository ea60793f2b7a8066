using System.Runtime.CompilerServices;

namespace Caravan.Core.Planning.Search;

/// <summary>
/// How good a label must be to dominate a given one: the latest arrival, the most cost and CO2e and the most
/// transfers it may have (ε included, unselected criteria unbounded). Computed once for the label compared, a bag or
/// front scan then does four comparisons per entry instead of re-deriving the tolerance from the request each time.
/// </summary>
internal readonly struct DominanceLimits(double latestTime, double mostCost, double mostCo2e, int mostTransfers)
{
    /// <summary>
    /// The limits for dominating a label with criteria <paramref name="time"/>, <paramref name="cost"/>,
    /// <paramref name="co2e"/> and <paramref name="transfers"/>, ε taken of the journey so far plus
    /// <paramref name="rest"/> (see <see cref="LabelDominance.Dominates(SearchRequest, in Label, in Label, bool)"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DominanceLimits Of(
        SearchRequest request, int time, double cost, double co2e, int transfers, bool compareTransfers, in RemainingBound rest)
    {
        const double Epsilon = 1e-6;
        var criteria = request.Criteria;
        var tolerance = request.Tolerance;

        // A later arrival dominates when it is later by no more than ε of the time in transit: a whole number of
        // minutes d with d <= x, that is d <= floor(x), so the limit is a whole number too and compares exactly.
        var timeLimit = double.PositiveInfinity;
        if ((criteria & PlanningCriteria.Arrival) != 0)
        {
            var slack = tolerance == 0 ? 0 : (time - request.Start + rest.Minutes) * tolerance;
            timeLimit = time + Math.Floor(Math.Max(slack, 0));
        }

        var costLimit = (criteria & PlanningCriteria.Cost) != 0 ? cost + ((cost + rest.Cost) * tolerance) + Epsilon : double.PositiveInfinity;
        var co2eLimit = (criteria & PlanningCriteria.Co2e) != 0 ? co2e + ((co2e + rest.Co2e) * tolerance) + Epsilon : double.PositiveInfinity;
        var transfersLimit = compareTransfers && request.MaxTransfers is not null ? transfers : int.MaxValue;
        return new DominanceLimits(timeLimit, costLimit, co2eLimit, transfersLimit);
    }

    /// <inheritdoc cref="Of(SearchRequest, int, double, double, int, bool, in RemainingBound)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DominanceLimits Of(SearchRequest request, in Label label, bool compareTransfers, in RemainingBound rest) =>
        Of(request, label.Time, label.Cost, label.Co2e, label.Transfers, compareTransfers, rest);

    /// <summary>True when a label with these criteria dominates the one the limits were taken of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool AreMetBy(int time, double cost, double co2e, int transfers) =>
        time <= latestTime && !(cost > mostCost) && !(co2e > mostCo2e) && transfers <= mostTransfers;
}
