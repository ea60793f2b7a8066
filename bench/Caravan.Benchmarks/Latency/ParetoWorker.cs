using System.Diagnostics;
using System.Globalization;
using Caravan.Benchmarks.Planning;
using Caravan.Benchmarks.Synthetic;
using Caravan.Core.Planning;

namespace Caravan.Benchmarks.Latency;

/// <summary>
/// The <c>pareto-worker</c> mode: loads a network and answers the latency run's queries from a given index with
/// the Pareto search, one result line each. It runs in a child process so the runner can stop a query that
/// outlasts its timeout — a search cannot be cancelled — and go on with the next one in a fresh process.
/// </summary>
public static class ParetoWorker
{
    public const string Ready = "READY";
    public const string Result = "RESULT";

    /// <summary>Arguments: --dir NETWORK --seed N --queries N --from I; one line per query on <paramref name="output"/>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var options = new CommandArgs(args);
        var network = NetworkDirectory.Load(options.Value("--dir") ?? throw new ArgumentException("pareto-worker needs --dir"));
        var planner = new RoutePlanner(network);
        var seed = options.Int("--seed", 1);
        var queries = PlanningQuery.Random(network, options.Int("--queries", 20), seed);
        foreach (var q in PlanningQuery.Random(network, 3, seed + 1000))
        {
            planner.Plan(q.Request with { Criteria = PlanningCriteria.Arrival });
        }

        output.WriteLine(Ready);
        output.Flush();
        for (var i = options.Int("--from", 0); i < queries.Count; i++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var result = planner.Plan(queries[i].Request);
            var ms = watch.Elapsed.TotalMilliseconds;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{Result} {i} {ms:R} {result.Statistics.LabelsCreated} {result.Statistics.LabelsSettled} {allocated} {result.Itineraries.Count} {Environment.WorkingSet}"));
            output.Flush();
        }

        return 0;
    }
}
