using System.Diagnostics;
using System.Globalization;
using Caravan.Benchmarks.Planning;
using Caravan.Benchmarks.Synthetic;
using Caravan.Core.Planning;

namespace Caravan.Benchmarks.Latency;

/// <summary>
/// The <c>profile</c> mode: answers the latency run's first queries over and over, so a sampling profiler
/// (<c>perf</c>, <c>dotnet-trace</c>) sees the planner and little else. It prints the median time and label
/// counts of each round; it is a tool for finding where time goes, not a benchmark.
/// </summary>
public static class ProfileLoop
{
    /// <summary>
    /// Arguments: --dir NETWORK [--seed N] [--queries N] [--rounds N] [--pareto] [--search-epsilon F] (the Pareto search's
    /// ε instead of <see cref="FrontTolerance.Default"/>'s, e.g. a smaller one for a reference front) [--dump FILE] (each front: query,
    /// minutes from the earliest departure, cost, CO2e) [--legs] (the dump adds every leg: from, to, service or mode,
    /// departure, arrival) [--per-query] (each query's time, front size and label counts) [--reference FILE] (a dump of
    /// reference fronts, e.g. from a finer ε: after the first round, how far this search's fronts are from them; see
    /// <see cref="FrontFidelity"/>) [--breakdown] (after the rounds, the earliest-arrival time of each part of the
    /// query, as the latency report's table).
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var options = new CommandArgs(args);
        var directory = options.Value("--dir") ?? throw new ArgumentException("profile needs --dir with a generated network");
        var pareto = options.Has("--pareto");
        var network = NetworkDirectory.Load(directory);
        var planner = new RoutePlanner(network);
        var landmarks = PreparedLandmarks.Of(planner);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"landmark bounds: {landmarks.Count} landmarks, {landmarks.Seconds:F2} s, tables {landmarks.TableBytes / 1e6:F1} MB, {landmarks.AllocatedBytes / 1e6:F0} MB allocated (computed before the rounds)"));
        var queries = PlanningQuery.Random(network, options.Int("--queries", 50), options.Int("--seed", 1));
        var criteria = pareto ? PlanningCriteria.All : PlanningCriteria.Arrival;
        var tolerance = options.Value("--search-epsilon") is { } epsilon
            ? FrontTolerance.Default with { SearchFraction = double.Parse(epsilon, CultureInfo.InvariantCulture) }
            : FrontTolerance.Default;
        using var dump = options.Value("--dump") is { } dumpPath ? new StreamWriter(dumpPath) : null;
        var legs = options.Has("--legs");
        var perQuery = options.Has("--per-query");
        var reference = options.Value("--reference") is { } referencePath ? FrontFidelity.Read(referencePath) : null;
        var fronts = new List<FrontFidelity.Point>();
        for (var round = 0; round < options.Int("--rounds", 5); round++)
        {
            var times = new List<double>(queries.Count);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long created = 0;
            long settled = 0;
            for (var q = 0; q < queries.Count; q++)
            {
                var query = queries[q];
                var watch = Stopwatch.StartNew();
                var result = planner.Plan(query.Request with { Criteria = criteria, Tolerance = tolerance });
                times.Add(watch.Elapsed.TotalMilliseconds);
                created += result.Statistics.LabelsCreated;
                if (perQuery)
                {
                    output.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"  query {q} {query.Label}: {watch.Elapsed.TotalMilliseconds:F1} ms, {result.Itineraries.Count} itineraries, labels created {result.Statistics.LabelsCreated:N0}, settled {result.Statistics.LabelsSettled:N0}"));
                }

                if (round == 0 && (dump is not null || reference is not null))
                {
                    foreach (var itinerary in result.Itineraries)
                    {
                        var point = FrontFidelity.Point.Of(q, itinerary, query.Request.EarliestDeparture);
                        fronts.Add(point);
                        dump?.WriteLine(legs ? point.DumpLine + LegsOf(itinerary) : point.DumpLine);
                    }
                }

                settled += result.Statistics.LabelsSettled;
            }

            times.Sort();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {round}: p50 {times[times.Count / 2]:F2} ms, total {times.Sum():F0} ms, process CPU {cpu.TotalMilliseconds:F0} ms, labels created {created:N0}, settled {settled:N0}"));
            if (round == 0 && reference is not null)
            {
                FrontFidelity.Report(reference, fronts, output);
            }
        }

        if (options.Has("--breakdown"))
        {
            var breakdown = new SearchBreakdown(planner);
            var parts = queries.Select(q => breakdown.Measure(q.Request)).ToList();
            new LatencyReport(output, new LatencyOptions()).Breakdown(parts);
        }

        return 0;
    }

    private static string LegsOf(Itinerary itinerary) => string.Concat(itinerary.Legs.Select(leg => string.Create(
        CultureInfo.InvariantCulture,
        $" {leg.From.Locode}>{leg.To.Locode}:{leg.Service?.Id ?? leg.Mode.ToString()}@{leg.Departure:yyyy-MM-ddTHH:mm}-{leg.Arrival:yyyy-MM-ddTHH:mm}")));
}
