using System.Diagnostics;
using System.Globalization;
using Caravan.Benchmarks.Planning;
using Caravan.Benchmarks.Synthetic;
using Caravan.Core.Planning;

namespace Caravan.Benchmarks.Latency;

/// <summary>
/// The <c>latency</c> mode: generates the continental network in a child process (so its memory is not counted),
/// loads it through the real loader, times random queries with the static Dijkstra baseline and earliest arrival,
/// then the Pareto search on the first of them in worker processes with a timeout, and prints load time, memory and
/// latency percentiles as markdown ready for docs/benchmarks.md.
/// </summary>
public static class LatencyRunner
{
    private const int WarmUpQueries = 5;
    private const int BreakdownQueries = 50;

    public static int Run(LatencyOptions options, TextWriter output, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(progress);
        var root = options.Directory ?? Path.Combine(Path.GetTempPath(), $"caravan-continental-{Environment.ProcessId}");
        var networkDirectory = Path.Combine(root, "network");
        try
        {
            var generateSeconds = double.NaN;
            if (!File.Exists(Path.Combine(networkDirectory, Core.Network.NetworkFileNames.Terminals)))
            {
                progress.WriteLine($"generating the continental network (seed {options.Seed}) into {root} …");
                var watch = Stopwatch.StartNew();
                Generate(root, options);
                generateSeconds = watch.Elapsed.TotalSeconds;
            }

            var csvBytes = Directory.EnumerateFiles(root, "*.csv", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Measure(options, networkDirectory, generateSeconds, csvBytes, output, progress);
            return 0;
        }
        finally
        {
            if (options.Directory is null && Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static void Measure(LatencyOptions options, string networkDirectory, double generateSeconds, long csvBytes, TextWriter output, TextWriter progress)
    {
        var process = Process.GetCurrentProcess();
        progress.WriteLine("loading through CorridorNetworkLoader …");
        var watch = Stopwatch.StartNew();
        var network = NetworkDirectory.Load(networkDirectory);
        var loadSeconds = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var peakAfterLoad = process.PeakWorkingSet64;
        var heapAfterLoad = GC.GetTotalMemory(forceFullCollection: true);

        watch.Restart();
        var planner = new RoutePlanner(network);
        var plannerSeconds = watch.Elapsed.TotalSeconds;
        var landmarks = PreparedLandmarks.Of(planner);
        var dijkstra = new StaticDijkstra(network);
        var breakdown = new SearchBreakdown(planner);

        var queries = PlanningQuery.Random(network, options.Queries, options.Seed);
        progress.WriteLine($"warming up on {WarmUpQueries} other queries …");
        foreach (var q in PlanningQuery.Random(network, WarmUpQueries, options.Seed + 1000))
        {
            MeasureQuery(planner, dijkstra, q);
        }

        var results = new List<QueryMeasurement>(queries.Count);
        var gen2Before = GC.CollectionCount(2);
        for (var i = 0; i < queries.Count; i++)
        {
            results.Add(MeasureQuery(planner, dijkstra, queries[i]));
            if ((i + 1) % 50 == 0)
            {
                progress.WriteLine($"  {i + 1}/{queries.Count} earliest-arrival queries");
            }
        }

        var gen2During = GC.CollectionCount(2) - gen2Before;
        var parts = queries.Take(BreakdownQueries).Select(q => breakdown.Measure(q.Request)).ToList();
        process.Refresh();
        var peakAfterQueries = process.PeakWorkingSet64;

        var paretoCount = Math.Min(options.ParetoQueries, queries.Count);
        progress.WriteLine($"Pareto search on the first {paretoCount} queries in worker processes (timeout {options.TimeoutSeconds} s each) …");
        var pareto = ParetoSampler.Run(networkDirectory, options.Seed, options.Queries, paretoCount, TimeSpan.FromSeconds(options.TimeoutSeconds), progress);

        var report = new LatencyReport(output, options);
        report.Network(network, csvBytes);
        report.Load(generateSeconds, loadSeconds, plannerSeconds, landmarks, heapAfterLoad, peakAfterLoad);
        report.Latency(results, pareto);
        report.Breakdown(parts);
        report.Slowest(results, pareto);
        report.Memory(peakAfterQueries, GC.GetTotalMemory(forceFullCollection: false), gen2During, pareto);
        report.Budgets(results, pareto, loadSeconds, peakAfterQueries);
        GC.KeepAlive(network);
    }

    private static QueryMeasurement MeasureQuery(RoutePlanner planner, StaticDijkstra dijkstra, PlanningQuery query)
    {
        var watch = Stopwatch.StartNew();
        dijkstra.Minutes(query.Origin, query.Destination);
        var dijkstraMs = watch.Elapsed.TotalMilliseconds;

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        watch.Restart();
        var earliest = planner.Plan(query.Request with { Criteria = PlanningCriteria.Arrival });
        var earliestMs = watch.Elapsed.TotalMilliseconds;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return new QueryMeasurement(query, dijkstraMs, earliestMs, earliest.Statistics.LabelsCreated, earliest.Statistics.LabelsSettled, allocated);
    }

    /// <summary>Runs <c>generate</c> in a fresh process so the generator's records do not inflate this one's memory.</summary>
    private static void Generate(string root, LatencyOptions options)
    {
        var start = ChildProcess.StartInfo("generate", "--dir", root, "--seed", options.Seed.ToString(CultureInfo.InvariantCulture));
        if (options.Small)
        {
            start.ArgumentList.Add("--small");
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the generator process");
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the generator process exited with code {child.ExitCode}");
        }
    }
}
