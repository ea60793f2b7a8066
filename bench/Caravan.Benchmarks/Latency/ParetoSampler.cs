using System.Diagnostics;
using System.Globalization;

namespace Caravan.Benchmarks.Latency;

/// <summary>
/// Runs the Pareto queries in <see cref="ParetoWorker"/> child processes, stopping (by its process id) a worker
/// whose query outlasts the timeout, recording that query as timed out and starting a fresh worker at the next.
/// </summary>
internal static class ParetoSampler
{
    public static List<ParetoSample> Run(string networkDirectory, int seed, int queries, int count, TimeSpan timeout, TextWriter progress)
    {
        var samples = new List<ParetoSample>();
        var next = 0;
        while (next < count)
        {
            using var worker = Start(networkDirectory, seed, queries, next);
            if (worker.StandardOutput.ReadLine() != ParetoWorker.Ready)
            {
                throw new InvalidOperationException("the Pareto worker did not start");
            }

            while (next < count)
            {
                var line = worker.StandardOutput.ReadLineAsync();
                if (!line.Wait(timeout))
                {
                    progress.WriteLine($"  Pareto query {next + 1} outlasted {timeout.TotalSeconds:0} s; stopping worker {worker.Id}");
                    worker.Kill(entireProcessTree: true);
                    worker.WaitForExit();
                    samples.Add(new ParetoSample(next, double.PositiveInfinity, null, null, null, null, null));
                    next++;
                    break;
                }

                var parts = line.Result?.Split(' ') ?? throw new InvalidOperationException("the Pareto worker stopped");
                samples.Add(new ParetoSample(
                    int.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture),
                    int.Parse(parts[3], CultureInfo.InvariantCulture), int.Parse(parts[4], CultureInfo.InvariantCulture),
                    long.Parse(parts[5], CultureInfo.InvariantCulture), int.Parse(parts[6], CultureInfo.InvariantCulture),
                    long.Parse(parts[7], CultureInfo.InvariantCulture)));
                next++;
                progress.WriteLine($"  Pareto query {next}/{count}: {samples[^1].Ms:0} ms");
            }

            if (!worker.HasExited)
            {
                worker.Kill(entireProcessTree: true);
                worker.WaitForExit();
            }
        }

        return samples;
    }

    private static Process Start(string networkDirectory, int seed, int queries, int from)
    {
        var start = ChildProcess.StartInfo(
            "pareto-worker", "--dir", networkDirectory, "--seed", seed.ToString(CultureInfo.InvariantCulture),
            "--queries", queries.ToString(CultureInfo.InvariantCulture), "--from", from.ToString(CultureInfo.InvariantCulture));
        start.RedirectStandardOutput = true;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the Pareto worker");
    }
}
