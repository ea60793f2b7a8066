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

    /// <summary>True when <paramref name="a"/> is no worse than <paramref name="b"/> on every criterion and better on one.</summary>
    private static bool StrictlyBetter(Itinerary a, Itinerary b, PlanningCriteria criteria)
    {
        const double Epsilon = 1e-6;
        var time = (criteria & PlanningCriteria.Arrival) != 0;
        var cost = (criteria & PlanningCriteria.Cost) != 0;
        var co2e = (criteria & PlanningCriteria.Co2e) != 0;
        var noWorse = (!time || a.Arrival <= b.Arrival) && (!cost || a.CostUsd <= b.CostUsd + Epsilon) && (!co2e || a.Co2eKg <= b.Co2eKg + Epsilon);
        var better = (time && a.Arrival < b.Arrival) || (cost && a.CostUsd < b.CostUsd - Epsilon) || (co2e && a.Co2eKg < b.Co2eKg - Epsilon);
        return noWorse && better;
    }

    private static bool Covers(Itinerary kept, Itinerary other, PlanningCriteria criteria, FrontTolerance tolerance) =>
        ((criteria & PlanningCriteria.Arrival) == 0 || kept.Arrival <= other.Arrival + TimeSpan.FromHours(tolerance.ArrivalHours))
        && ((criteria & PlanningCriteria.Cost) == 0 || kept.CostUsd <= (other.CostUsd * (1 + tolerance.CostFraction)) + 1e-6)
        && ((criteria & PlanningCriteria.Co2e) == 0 || kept.Co2eKg <= (other.Co2eKg * (1 + tolerance.Co2eFraction)) + 1e-6);
}
