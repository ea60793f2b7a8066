using Caravan.Core.Planning;
using Caravan.Core.Planning.Search;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// Limits taken once of the label compared decide dominance exactly as the rule written out in full: a later
/// arrival within ε of the time in transit, cost and CO2e within ε plus a millionth, no more transfers under a limit.
/// </summary>
public sealed class DominanceLimitsProperties
{
    private static readonly double[] Tolerances = [0, 0.02, 0.1, 1.0 / 3];

    [Property(MaxTest = 2_000)]
    public Property Limits_decide_as_the_rule_written_out() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, int.MaxValue)).ToArbitrary(),
            Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, int.MaxValue)).ToArbitrary(),
            (drawn, settings) =>
            {
                // Two numbers drawn for the pair of labels, two for the request, each taken apart into fields.
                var (aDraw, bDraw) = drawn;
                var (criteriaBits, toleranceIndex, restMinutes) = (settings.Item1 % 8, settings.Item1 / 8 % Tolerances.Length, settings.Item1 / 32 % 301);
                var (maxTransfers, restCost) = (settings.Item2 % 4, settings.Item2 / 4 % 3);
                var a = (aDraw % 201, aDraw / 201 % 201, aDraw / 40_401 % 4);
                var b = (bDraw % 201, bDraw / 201 % 201, bDraw / 40_401 % 4);
                var request = Request((PlanningCriteria)criteriaBits, Tolerances[toleranceIndex], maxTransfers == 0 ? null : maxTransfers, start: 100);
                var rest = new RemainingBound(restMinutes, restCost * 1.5, restCost * 0.25);

                // Time from the start on, cost and CO2e in steps that make ties and near-ties common.
                var (aTime, aCost, aCo2e) = (100 + a.Item1, a.Item2 * 0.5, a.Item2 * 0.1);
                var (bTime, bCost, bCo2e) = (100 + b.Item1, b.Item2 * 0.5, b.Item2 * 0.1);
                foreach (var compareTransfers in new[] { true, false })
                {
                    var limits = DominanceLimits.Of(request, bTime, bCost, bCo2e, b.Item3, compareTransfers, rest);
                    var expected = Dominates(request, aTime, aCost, aCo2e, a.Item3, bTime, bCost, bCo2e, b.Item3, compareTransfers, rest);
                    Assert.Equal(expected, limits.AreMetBy(aTime, aCost, aCo2e, a.Item3));
                }
            });

    [Fact]
    public void A_later_arrival_dominates_up_to_the_whole_minutes_of_its_slack()
    {
        var request = Request(PlanningCriteria.Arrival, 0.02, maxTransfers: null, start: 0);

        // ε of 100 + 50 minutes is 3 minutes exactly; of 100 + 49, 2.98.
        var exact = DominanceLimits.Of(request, 100, 0, 0, 0, compareTransfers: true, new RemainingBound(50, 0, 0));
        var short1 = DominanceLimits.Of(request, 100, 0, 0, 0, compareTransfers: true, new RemainingBound(49, 0, 0));

        Assert.True(exact.AreMetBy(103, 0, 0, 0));
        Assert.False(exact.AreMetBy(104, 0, 0, 0));
        Assert.True(short1.AreMetBy(102, 0, 0, 0));
        Assert.False(short1.AreMetBy(103, 0, 0, 0));
    }

    private static SearchRequest Request(PlanningCriteria criteria, double tolerance, int? maxTransfers, int start) => new()
    {
        Origin = 0,
        Destination = 1,
        Start = start,
        WindowEnd = 1_000,
        HorizonEnd = 10_000,
        ModeAllowed = [true, true, true, true],
        ServiceCallsAtOrigin = [],
        Criteria = criteria,
        Tolerance = tolerance,
        MaxTransfers = maxTransfers,
    };

    /// <summary>The dominance rule as the search wrote it before its limits were taken once per label.</summary>
    private static bool Dominates(
        SearchRequest request, int aTime, double aCost, double aCo2e, int aTransfers, int bTime, double bCost, double bCo2e, int bTransfers,
        bool compareTransfers, RemainingBound rest)
    {
        const double Epsilon = 1e-6;
        var criteria = request.Criteria;
        var tolerance = request.Tolerance;
        if ((criteria & PlanningCriteria.Arrival) != 0 && aTime > bTime
            && (tolerance == 0 || aTime - bTime > (bTime - request.Start + rest.Minutes) * tolerance))
        {
            return false;
        }

        if ((criteria & PlanningCriteria.Cost) != 0 && aCost > bCost + ((bCost + rest.Cost) * tolerance) + Epsilon)
        {
            return false;
        }

        if ((criteria & PlanningCriteria.Co2e) != 0 && aCo2e > bCo2e + ((bCo2e + rest.Co2e) * tolerance) + Epsilon)
        {
            return false;
        }

        return !compareTransfers || request.MaxTransfers is null || aTransfers <= bTransfers;
    }
}
