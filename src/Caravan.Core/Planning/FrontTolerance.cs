namespace Caravan.Core.Planning;

/// <summary>
/// How different two itineraries must be for both to be listed. An itinerary that is no more than
/// <see cref="ArrivalHours"/> later, <see cref="CostFraction"/> dearer and <see cref="Co2eFraction"/> dirtier than
/// one already listed is folded into it: a shipper does not choose between two trains a dollar apart. The fastest,
/// cheapest and cleanest itineraries are always listed.
/// </summary>
public sealed record FrontTolerance(double ArrivalHours, double CostFraction, double Co2eFraction)
{
    /// <summary>12 hours, 1 % of cost, 1 % of CO2e.</summary>
    public static FrontTolerance Default { get; } = new(12, 0.01, 0.01);

    /// <summary>The exact Pareto set: nothing is folded.</summary>
    public static FrontTolerance Exact { get; } = new(0, 0, 0);
}
