using System.Globalization;
using Caravan.Benchmarks.Planning;
using Caravan.Benchmarks.Synthetic;
using Caravan.Core.Planning;
using Caravan.Core.Planning.Search;

namespace Caravan.Benchmarks.Latency;

/// <summary>
/// The <c>bound-oracle</c> mode, an experiment for choosing the Pareto search's next lower bound: for the latency run's
/// queries over 1,000 km, runs the Pareto search, then samples the labels it created and asks of each whether the final
/// front would have pruned it — with the search's own time bound (the remaining time over the network without waits),
/// and with the exact earliest arrival from the label's terminal at the label's time (an earliest-arrival search from
/// there, which pays no dwell or handling before its first move, so it is still a lower bound). Cost and CO2e use the
/// search's bounds in both. With an exact bound as the A* key, a front member arriving by then is always settled before
/// such a label, so the second count is what a search with that bound could prune, not an oracle's hindsight.
/// </summary>
public static class BoundOracle
{
    /// <summary>Arguments: --dir NETWORK [--seed N] [--queries N] (drawn, as <c>profile</c> draws them) [--take N] (of those over 1,000 km) [--sample N] (labels per query).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var options = new CommandArgs(args);
        var directory = options.Value("--dir") ?? throw new ArgumentException("bound-oracle needs --dir with a generated network");
        var network = NetworkDirectory.Load(directory);
        var queries = PlanningQuery.Random(network, options.Int("--queries", 20), options.Int("--seed", 1));
        var sample = options.Int("--sample", 150);
        var planner = new RoutePlanner(network);
        var bounds = planner.LowerBounds;
        var pareto = planner.CreateWorkspace();
        var earliest = planner.CreateWorkspace();
        var random = new Random(7);
        output.WriteLine("| query | km | labels | front | sampled | prunable, search's bound | prunable, exact remaining time | search's bound / exact remaining time, p50 |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var query in queries.Where(q => q.Km > 1000).Take(options.Int("--take", 12)))
        {
            // The Pareto search's labels and bounds stay in its workspace while the earliest-arrival searches use the other.
            var search = planner.Compile(query.Request with { Criteria = PlanningCriteria.All });
            LabelSearch.Run(network, bounds, search, pareto);
            var front = pareto.DestinationLabels.Where(i => !pareto.Labels[i].Dominated).Select(i => pareto.Labels[i]).ToList();
            var labels = pareto.Labels;
            var labelCount = pareto.LabelCount;
            var (sampled, prunedNow, prunedExact) = (0, 0, 0);
            var ratios = new List<double>();
            for (var s = 0; s < sample; s++)
            {
                var label = labels[random.Next(labelCount)];
                if (label.Terminal == search.Destination || label.Kind == MoveKind.Origin)
                {
                    continue;
                }

                sampled++;
                var fromHere = search with { Origin = label.Terminal, Start = label.Time, WindowEnd = label.Time, Criteria = PlanningCriteria.Arrival, Tolerance = 0 };
                LabelSearch.Run(network, bounds, fromHere, earliest);
                var arrival = earliest.DestinationLabels.Select(i => earliest.Labels[i].Time).DefaultIfEmpty(int.MaxValue).Min();
                var cost = label.Cost + pareto.BoundCost[label.Terminal];
                var co2e = label.Co2e + pareto.BoundCo2e[label.Terminal];
                var bound = label.Time + pareto.BoundMinutes[label.Terminal];
                prunedNow += front.Exists(d => d.Time <= bound && d.Cost <= cost && d.Co2e <= co2e) ? 1 : 0;
                prunedExact += front.Exists(d => d.Time <= arrival && d.Cost <= cost && d.Co2e <= co2e) ? 1 : 0;
                if (arrival != int.MaxValue && arrival > label.Time)
                {
                    ratios.Add(pareto.BoundMinutes[label.Terminal] / (double)(arrival - label.Time));
                }
            }

            ratios.Sort();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {query.Origin}→{query.Destination} | {query.Km:N0} | {labelCount:N0} | {front.Count} | {sampled} | {100.0 * prunedNow / sampled:F1} % | {100.0 * prunedExact / sampled:F1} % | {(ratios.Count > 0 ? ratios[ratios.Count / 2] : double.NaN):F2} |"));
        }

        return 0;
    }
}
