using System.Globalization;
using Caravan.Core.Network;

namespace Caravan.Benchmarks.Latency;

/// <summary>Writes the latency mode's findings as markdown sections and tables, ready to paste.</summary>
internal sealed class LatencyReport(TextWriter output, LatencyOptions options)
{
    private const double Megabyte = 1024.0 * 1024.0;
    private const double EarliestBudgetMs = 20;
    private const double ParetoBudgetMs = 200;
    private const double MemoryBudgetBytes = 1.5 * 1024 * 1024 * 1024;
    private const double LoadBudgetSeconds = 5;

    public void Network(CorridorNetwork network, long csvBytes)
    {
        Line($"### Continental synthetic network (seed {options.Seed}{(options.Small ? ", small" : string.Empty)})");
        Line();
        Line("| terminals | links | services | service stops | weekly departures | CSV on disk |");
        Line("|---:|---:|---:|---:|---:|---:|");
        Line($"| {network.Terminals.Count:N0} | {network.Links.Count:N0} | {network.Services.Count:N0} | {network.Services.Sum(s => s.Stops.Count):N0} | {network.Services.Sum(s => s.Departures.Count):N0} | {csvBytes / Megabyte:0.0} MB |");
        Line();
        var byMode = network.Links.GroupBy(l => l.Mode).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count():N0}");
        Line($"Links by mode: {string.Join(", ", byMode)}; gauge-break terminals: {network.Terminals.Count(t => t.IsGaugeBreak):N0}.");
        Line();
    }

    public void Load(double generateSeconds, double loadSeconds, double plannerSeconds, PreparedLandmarks landmarks, long heapAfterLoad, long peakAfterLoad)
    {
        Line("### Load");
        Line();
        Line("| step | result |");
        Line("|---|---:|");
        if (!double.IsNaN(generateSeconds))
        {
            Line($"| generate and write the CSV files (separate process, not counted below) | {generateSeconds:0.0} s |");
        }

        Line($"| load: parse, validate and compile through `CorridorNetworkLoader` | **{loadSeconds:0.00} s** |");
        Line($"| `new RoutePlanner` (lower-bound graph) | {plannerSeconds:0.00} s |");
        Line($"| landmark bounds: {landmarks.Count} landmarks × 2 directions × 3 nodes a terminal (on the first earliest-arrival query; forced here, not counted above) | {landmarks.Seconds:0.00} s, {landmarks.TableBytes / Megabyte:0.0} MB |");
        Line($"| managed heap after load (after a full GC) | {heapAfterLoad / Megabyte:0} MB |");
        Line($"| peak working set after load | {peakAfterLoad / Megabyte:0} MB |");
        Line();
    }

    public void Latency(IReadOnlyList<QueryMeasurement> results, IReadOnlyList<ParetoSample> pareto)
    {
        var km = results.Select(r => r.Query.Km).ToList();
        Line($"### Query latency ({results.Count} random O-D pairs at least 100 km apart; great-circle distance p50 {P(km, 50):N0} km, p95 {P(km, 95):N0} km)");
        Line();
        Line("| algorithm | queries | p50 | p95 | max | labels created p50 / p95 | labels settled p50 / p95 | allocated p50 | itineraries p50 / max |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var dijkstraMs = results.Select(r => r.DijkstraMs).ToList();
        var earliestMs = results.Select(r => r.EarliestMs).ToList();
        Line($"| static Dijkstra on link times (baseline) | {results.Count} | {Ms(P(dijkstraMs, 50))} | {Ms(P(dijkstraMs, 95))} | {Ms(dijkstraMs.Max())} | – | – | – | – |");
        Line($"| earliest arrival | {results.Count} | {Ms(P(earliestMs, 50))} | {Ms(P(earliestMs, 95))} | {Ms(earliestMs.Max())} | "
            + $"{Pair(results.Select(r => (double)r.EarliestLabels))} | {Pair(results.Select(r => (double)r.EarliestSettled))} | {P(results.Select(r => (double)r.EarliestAllocatedBytes).ToList(), 50) / 1024:N0} KB | 1 / 1 |");
        var paretoMs = pareto.Select(p => p.Ms).ToList();
        var done = pareto.Where(p => !p.TimedOut).ToList();
        Line($"| Pareto (arrival, cost, CO2e) | {pareto.Count} ({pareto.Count - done.Count} timed out) | {Ms(P(paretoMs, 50))} | {Ms(P(paretoMs, 95))} | {Ms(paretoMs.DefaultIfEmpty().Max())} | "
            + $"{Pair(done.Select(p => (double)p.Labels!))} | {Pair(done.Select(p => (double)p.Settled!))} | {(done.Count == 0 ? "–" : $"{P(done.Select(p => (double)p.AllocatedBytes!).ToList(), 50) / 1024:N0} KB")} | "
            + $"{(done.Count == 0 ? "–" : $"{P(done.Select(p => (double)p.Itineraries!).ToList(), 50):0} / {done.Max(p => p.Itineraries):0}")} |");
        Line();
        var sameEarliest = pareto.Select(p => results[p.Query].EarliestMs).ToList();
        var ratio = P(paretoMs, 50) / P(sameEarliest, 50);
        Line($"Ratios of p50s: earliest arrival / static Dijkstra = **{P(earliestMs, 50) / P(dijkstraMs, 50):0.0}×**; "
            + $"Pareto / earliest arrival on the same {pareto.Count} queries = **{(double.IsPositiveInfinity(ratio) ? $"> {options.TimeoutSeconds * 1000 / P(sameEarliest, 50):0}×" : $"{ratio:0.0}×")}**"
            + $" (a timed-out query counts as slower than every finished one; \"> {options.TimeoutSeconds} s\" means it did not finish).");
        Line();
        if (done.Count > 0)
        {
            Line("Pareto by distance (finished and timed-out queries):");
            Line();
            Line("| great-circle distance | queries | timed out | p50 | labels created p50 |");
            Line("|---|---:|---:|---:|---:|");
            foreach (var (name, min, max) in new[] { ("< 500 km", 0.0, 500.0), ("500–2,000 km", 500.0, 2000.0), ("≥ 2,000 km", 2000.0, double.MaxValue) })
            {
                var band = pareto.Where(p => results[p.Query].Query.Km >= min && results[p.Query].Query.Km < max).ToList();
                var finished = band.Where(p => !p.TimedOut).ToList();
                Line($"| {name} | {band.Count} | {band.Count - finished.Count} | {Ms(P(band.Select(p => p.Ms).ToList(), 50))} | {(finished.Count == 0 ? "–" : P(finished.Select(p => (double)p.Labels!).ToList(), 50).ToString("N0", CultureInfo.InvariantCulture))} |");
            }

            Line();
        }
    }

    public void Breakdown(IReadOnlyList<EarliestArrivalParts> parts)
    {
        Line($"### Where the earliest-arrival time goes (first {parts.Count} queries, timed again part by part)");
        Line();
        Line("| part | p50 | p95 |");
        Line("|---|---:|---:|");
        void Part(string name, Func<EarliestArrivalParts, double> time)
        {
            var times = parts.Select(time).ToList();
            Line($"| {name} | {Ms(P(times, 50))} | {Ms(P(times, 95))} |");
        }

        Part("time lower bound: the destination's side of the landmark bounds (precomputed once, see Load)", p => p.BoundsMs);
        Part("label search (time-dependent A* over terminal × arrival context)", p => p.SearchMs);
        Part("itinerary: legs, countries, corridors and Monte Carlo arrival percentiles", p => p.ItineraryMs);
        Part("sum of the three parts", p => p.BoundsMs + p.SearchMs + p.ItineraryMs);
        Part("whole `Plan` call, timed on its own right after", p => p.PlanMs);
        Line();
        var rate = parts.Where(p => p.SearchMs > 0).Select(p => p.Labels / p.SearchMs).ToList();
        Line($"Label search throughput: p50 {P(rate, 50):N0} labels created per ms. A Pareto search computes its time, cost and CO2e bounds per query (three truncated Dijkstras) and runs an exact earliest-arrival search, with the landmark bounds, before its own.");
        Line();
    }

    public void Slowest(IReadOnlyList<QueryMeasurement> results, IReadOnlyList<ParetoSample> pareto)
    {
        Line($"### Slowest {options.Slowest} earliest-arrival queries");
        Line();
        Line("| query | km | static Dijkstra | earliest arrival | labels created / settled |");
        Line("|---|---:|---:|---:|---:|");
        foreach (var r in results.OrderByDescending(r => r.EarliestMs).Take(options.Slowest))
        {
            Line($"| {r.Query.Label} | {r.Query.Km:N0} | {Ms(r.DijkstraMs)} | {Ms(r.EarliestMs)} | {r.EarliestLabels:N0} / {r.EarliestSettled:N0} |");
        }

        Line();
        Line("### Every Pareto query");
        Line();
        Line("| query | km | earliest arrival | EA labels | Pareto | Pareto labels created / settled | itineraries |");
        Line("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var p in pareto)
        {
            var r = results[p.Query];
            Line($"| {r.Query.Label} | {r.Query.Km:N0} | {Ms(r.EarliestMs)} | {r.EarliestLabels:N0} | {Ms(p.Ms)} | {(p.TimedOut ? "–" : $"{p.Labels:N0} / {p.Settled:N0}")} | {(p.TimedOut ? "–" : p.Itineraries!.Value.ToString(CultureInfo.InvariantCulture))} |");
        }

        Line();
    }

    public void Memory(long peakWorkingSet, long heap, int gen2Collections, IReadOnlyList<ParetoSample> pareto)
    {
        Line("### Memory");
        Line();
        var worker = pareto.Where(p => p.WorkingSet is not null).Select(p => p.WorkingSet!.Value).DefaultIfEmpty().Max();
        Line($"Runner (load, earliest-arrival and Dijkstra queries): peak working set {peakWorkingSet / Megabyte:0} MB, managed heap {heap / Megabyte:0} MB, "
            + $"{gen2Collections} gen-2 collections during the timed queries. Pareto workers: largest working set after a finished query {worker / Megabyte:0} MB.");
        Line();
    }

    public void Budgets(IReadOnlyList<QueryMeasurement> results, IReadOnlyList<ParetoSample> pareto, double loadSeconds, long peakWorkingSet)
    {
        var earliest = P(results.Select(r => r.EarliestMs).ToList(), 50);
        var paretoP50 = P(pareto.Select(p => p.Ms).ToList(), 50);
        Line("### Budgets (issue 2)");
        Line();
        Line("| budget | measured | met |");
        Line("|---|---:|:---:|");
        Budget("continental earliest-arrival p50 < 20 ms", Ms(earliest), earliest < EarliestBudgetMs);
        Budget("continental Pareto p50 < 200 ms", Ms(paretoP50), paretoP50 < ParetoBudgetMs);
        Budget("memory (peak working set) < 1.5 GB", $"{peakWorkingSet / Megabyte:0} MB", peakWorkingSet < MemoryBudgetBytes);
        Budget("load < 5 s", $"{loadSeconds:0.00} s", loadSeconds < LoadBudgetSeconds);
        Line();
    }

    private void Budget(string budget, string measured, bool met) => Line($"| {budget} | {measured} | {(met ? "yes" : "**no**")} |");

    private static string Pair(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? "–" : $"{P(list, 50):N0} / {P(list, 95):N0}";
    }

    private static double P(IReadOnlyList<double> values, double percentile) => Percentiles.Of(values, percentile);

    private string Ms(double ms) => ms switch
    {
        double.PositiveInfinity => $"> {options.TimeoutSeconds} s",
        double.NaN => "–",
        < 1 => ms.ToString("0.000", CultureInfo.InvariantCulture) + " ms",
        < 100 => ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        _ => ms.ToString("N0", CultureInfo.InvariantCulture) + " ms",
    };

    private void Line(string text = "") => output.WriteLine(text);
}
