namespace Caravan.Core.Planning;

/// <summary>
/// How different two itineraries must be for both to be listed. An itinerary that is no more than
/// <see cref="ArrivalHours"/> later, <see cref="CostFraction"/> dearer and <see cref="Co2eFraction"/> dirtier than
/// one already listed is folded into it: a shipper does not choose between two trains a dollar apart. The fastest,
/// cheapest and cleanest itineraries found are always listed.
/// <para>
/// <see cref="SearchFraction"/> is the ε of the search itself: a partial itinerary whose time in transit, cost
/// and CO2e are each within that fraction of another's — a fraction of the whole journey's estimate, what is
/// travelled so far plus lower bounds on the rest — is not kept beside it. This bounds the number of labels
/// on large networks (the exact Pareto set can grow exponentially with the number of independent trade-offs
/// along the way) at the price of an ε-Pareto set: every exact Pareto itinerary has one listed within about that
/// fraction on each criterion. The earliest arrival is searched separately and exactly.
/// </para>
/// </summary>
public sealed record FrontTolerance(double ArrivalHours, double CostFraction, double Co2eFraction, double SearchFraction = 0)
{
    /// <summary>Fold within 12 hours, 1 % of cost and 1 % of CO2e; search with ε = 2 %.</summary>
    public static FrontTolerance Default { get; } = new(12, 0.01, 0.01, 0.02);

    /// <summary>The exact Pareto set: nothing is folded and the search keeps every non-dominated label.</summary>
    public static FrontTolerance Exact { get; } = new(0, 0, 0, 0);
}
