using Caravan.Core.Planning;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// Rules the planner keeps on every network: checked on random small networks (<see cref="PlanningCases"/>)
/// against the records and against an independent brute-force search.
/// </summary>
public sealed class PlannerProperties
{
    private const int Cases = 200;

    [Property(MaxTest = Cases)]
    public Property Every_returned_itinerary_is_feasible() =>
        Prop.ForAll(PlanningCases.Arbitrary, c =>
        {
            var result = new RoutePlanner(c.Network).Plan(c.Request);
            Assert.Equal(result.Found, result.NoRouteReason is null);
            foreach (var itinerary in result.Itineraries)
            {
                ItineraryChecks.AssertFeasible(c, itinerary);
            }
        });

    [Property(MaxTest = Cases)]
    public Property No_returned_itinerary_dominates_another_and_the_front_is_sorted_by_arrival() =>
        Prop.ForAll(PlanningCases.Arbitrary, c =>
        {
            var front = new RoutePlanner(c.Network).Plan(c.Request).Itineraries;
            ItineraryChecks.AssertMutuallyNonDominated(front);
            Assert.Equal(front.Select(i => i.Arrival).Order(), front.Select(i => i.Arrival));
        });

    [Property(MaxTest = Cases)]
    public Property The_earliest_returned_arrival_is_the_brute_force_earliest_arrival() =>
        Prop.ForAll(PlanningCases.Arbitrary, c =>
        {
            var planner = new RoutePlanner(c.Network);
            var expected = BruteForceSearch.EarliestArrivalMinutes(c);

            var front = planner.Plan(c.Request).Itineraries;
            var earliest = planner.EarliestArrival(c.Request);

            Assert.Equal(expected, front.Count == 0 ? null : front.Min(i => PlanningCase.Minutes(i.Arrival)));
            Assert.Equal(expected, earliest is null ? null : PlanningCase.Minutes(earliest.Arrival));
        });

    [Property(MaxTest = Cases)]
    public Property The_exact_front_is_the_brute_force_Pareto_set() =>
        Prop.ForAll(PlanningCases.Arbitrary, c =>
        {
            // The search orders arrival contexts, skips covered transfers and trip boardings, and prunes with lower
            // bounds; the brute force compares nothing across states, so the two agree only if all that loses nothing.
            var request = c.Request with { Tolerance = FrontTolerance.Exact };
            Assert.Equal(BruteForceSearch.ParetoFront(c), Criteria(new RoutePlanner(c.Network).Plan(request)));
        });

    [Property(MaxTest = Cases)]
    public Property Pruning_with_lower_bounds_returns_the_same_front() =>
        Prop.ForAll(PlanningCases.Arbitrary, c =>
        {
            var planner = new RoutePlanner(c.Network);

            // Exact dominance: under an ε the labels kept depend on the order they are found in, which the bounds change.
            var request = c.Request with { Tolerance = FrontTolerance.Exact };
            var pruned = Criteria(planner.Plan(request, useLowerBounds: true));
            var exhaustive = Criteria(planner.Plan(request, useLowerBounds: false));

            Assert.Equal(exhaustive, pruned);
        });

    [Property(MaxTest = Cases)]
    public Property Skipping_covered_moves_changes_no_itinerary() =>
        Prop.ForAll(PlanningCases.Arbitrary, c =>
        {
            var planner = new RoutePlanner(c.Network);
            var earliest = c.Request with { Criteria = PlanningCriteria.Arrival };
            foreach (var useLowerBounds in new[] { true, false })
            {
                var skipping = planner.Plan(earliest, useLowerBounds, skipCoveredMoves: true);
                var exhaustive = planner.Plan(earliest, useLowerBounds, skipCoveredMoves: false);
                Assert.Equal(Described(exhaustive), Described(skipping));
            }

            // A Pareto search under an ε searches the earliest arrival exactly first, with the same skipping.
            Assert.Equal(Described(planner.Plan(c.Request, useLowerBounds: true, skipCoveredMoves: false)), Described(planner.Plan(c.Request)));

            // A transfer a multi-criteria search skips is one an earlier label made no later, dearer or dirtier: under
            // exact dominance the front is the same (under an ε the labels kept may depend on the order they are found in).
            var exact = c.Request with { Tolerance = FrontTolerance.Exact };
            Assert.Equal(Criteria(planner.Plan(exact, useLowerBounds: false, skipCoveredMoves: false)), Criteria(planner.Plan(exact, useLowerBounds: false)));
        });

    [Property(MaxTest = Cases)]
    public Property Without_dwell_spread_P50_and_P90_are_the_planned_arrival() =>
        Prop.ForAll(PlanningCases.Arbitrary, c =>
        {
            foreach (var itinerary in new RoutePlanner(c.WithoutDwellSpread().Network).Plan(c.Request).Itineraries)
            {
                Assert.Equal(itinerary.Arrival, itinerary.ArrivalP50);
                Assert.Equal(itinerary.Arrival, itinerary.ArrivalP90);
            }
        });

    /// <summary>Every itinerary with its legs (services, times), or the reason there is none.</summary>
    private static List<string> Described(PlanResult result) =>
        result.Itineraries
            .Select(i => $"{PlanningCase.Minutes(i.Arrival)} {i.CostUsd:F4} {i.Co2eKg:F4}: "
                + string.Join(", ", i.Legs.Select(l => $"{l.From.Locode}-{l.To.Locode} {l.Service?.Id ?? l.Mode.ToString()} {l.Departure:u}-{l.Arrival:u}")))
            .Append(result.NoRouteReason ?? string.Empty)
            .ToList();

    private static List<(int Arrival, double Cost, double Co2e)> Criteria(PlanResult result) =>
        result.Itineraries
            .Select(i => (PlanningCase.Minutes(i.Arrival), Math.Round(i.CostUsd, 4), Math.Round(i.Co2eKg, 4)))
            .ToList();
}
