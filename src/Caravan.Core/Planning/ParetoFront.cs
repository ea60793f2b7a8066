using Caravan.Core.Planning.Search;

namespace Caravan.Core.Planning;

/// <summary>Chooses which Pareto-optimal labels to list, folding near-identical ones (see <see cref="FrontTolerance"/>).</summary>
internal static class ParetoFront
{
    public static List<int> Fold(Label[] labels, List<int> front, PlanningCriteria criteria, FrontTolerance tolerance)
    {
        var ordered = front
            .OrderBy(i => labels[i].Time).ThenBy(i => labels[i].Cost).ThenBy(i => labels[i].Co2e).ThenBy(i => i)
            .ToList();
        if (ordered.Count == 0)
        {
            return ordered;
        }

        var kept = new List<int> { ordered[0] };
        foreach (var extreme in new[]
        {
            ordered.OrderBy(i => labels[i].Cost).ThenBy(i => labels[i].Time).ThenBy(i => i).First(),
            ordered.OrderBy(i => labels[i].Co2e).ThenBy(i => labels[i].Time).ThenBy(i => i).First(),
        })
        {
            if (!kept.Contains(extreme))
            {
                kept.Add(extreme);
            }
        }

        foreach (var candidate in ordered.Where(c => !kept.Contains(c)))
        {
            if (!kept.Any(k => Covers(labels[k], labels[candidate], criteria, tolerance)))
            {
                kept.Add(candidate);
            }
        }

        return kept.OrderBy(i => labels[i].Time).ThenBy(i => labels[i].Cost).ThenBy(i => labels[i].Co2e).ThenBy(i => i).ToList();
    }

    private static bool Covers(in Label kept, in Label other, PlanningCriteria criteria, FrontTolerance tolerance) =>
        ((criteria & PlanningCriteria.Arrival) == 0 || kept.Time <= other.Time + (tolerance.ArrivalHours * 60))
        && ((criteria & PlanningCriteria.Cost) == 0 || kept.Cost <= (other.Cost * (1 + tolerance.CostFraction)) + 1e-6)
        && ((criteria & PlanningCriteria.Co2e) == 0 || kept.Co2e <= (other.Co2e * (1 + tolerance.Co2eFraction)) + 1e-6);
}
