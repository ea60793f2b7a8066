namespace Caravan.Core.Planning;

/// <summary>
/// Chooses the itineraries to list: the Pareto set over the request's criteria, sorted by arrival, with
/// near-identical ones folded (see <see cref="FrontTolerance"/>). The fastest, cheapest and cleanest are kept.
/// </summary>
internal static class ParetoFront
{
    public static List<Itinerary> Select(IReadOnlyList<Itinerary> found, PlanningCriteria criteria, FrontTolerance tolerance)
    {
        var ordered = found
            .Where(i => !found.Any(j => StrictlyBetter(j, i, criteria)))
            .OrderBy(i => i.Arrival).ThenBy(i => i.CostUsd).ThenBy(i => i.Co2eKg)
            .ToList();
        if (ordered.Count == 0)
        {
            return ordered;
        }

        var kept = new List<Itinerary> { ordered[0] };
        foreach (var extreme in new[]
        {
            ordered.OrderBy(i => i.CostUsd).ThenBy(i => i.Arrival).First(),
            ordered.OrderBy(i => i.Co2eKg).ThenBy(i => i.Arrival).First(),
        })
        {
            if (!kept.Contains(extreme))
            {
                kept.Add(extreme);
            }
        }

        foreach (var candidate in ordered.Where(c => !kept.Contains(c)))
        {
            if (!kept.Any(k => Covers(k, candidate, criteria, tolerance)))
            {
                kept.Add(candidate);
            }
        }

        return kept.OrderBy(i => i.Arrival).ThenBy(i => i.CostUsd).ThenBy(i => i.Co2eKg).ToList();
    }

    /// <summary>True when <paramref name="a"/> is no later, no dearer and no dirtier than <paramref name="b"/> on <paramref name="criteria"/>.</summary>
    public static bool NoWorse(Itinerary a, Itinerary b, PlanningCriteria criteria) => Covers(a, b, criteria, FrontTolerance.Exact);

    /// <summary>True when <paramref name="a"/> is no worse than <paramref name="b"/> on every criterion and better on one.</summary>
    private static bool StrictlyBetter(Itinerary a, Itinerary b, PlanningCriteria criteria) =>
        NoWorse(a, b, criteria) && !NoWorse(b, a, criteria);

    /// <summary>True when <paramref name="kept"/> is within <paramref name="tolerance"/> of <paramref name="other"/> or better, on every criterion.</summary>
    private static bool Covers(Itinerary kept, Itinerary other, PlanningCriteria criteria, FrontTolerance tolerance) =>
        ((criteria & PlanningCriteria.Arrival) == 0 || kept.Arrival <= other.Arrival + TimeSpan.FromHours(tolerance.ArrivalHours))
        && ((criteria & PlanningCriteria.Cost) == 0 || kept.CostUsd <= (other.CostUsd * (1 + tolerance.CostFraction)) + 1e-6)
        && ((criteria & PlanningCriteria.Co2e) == 0 || kept.Co2eKg <= (other.Co2eKg * (1 + tolerance.Co2eFraction)) + 1e-6);
}
