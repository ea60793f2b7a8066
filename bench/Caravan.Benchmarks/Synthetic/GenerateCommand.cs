using System.Diagnostics;
using Caravan.Benchmarks.Latency;

namespace Caravan.Benchmarks.Synthetic;

/// <summary>The <c>generate</c> mode: writes the continental network's CSV files into a directory.</summary>
public static class GenerateCommand
{
    public static int Run(LatencyOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var root = options.Directory ?? throw new ArgumentException("generate needs --dir PATH");
        var size = options.Small ? ContinentalNetworkOptions.Small(options.Seed) : ContinentalNetworkOptions.Default with { Seed = options.Seed };
        var watch = Stopwatch.StartNew();
        var network = ContinentalNetworkGenerator.Generate(size);
        var generated = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var directory = ContinentalNetworkWriter.Write(network, root);
        progress.WriteLine(
            $"generated {network.Terminals.Count:N0} terminals, {network.Links.Count:N0} links, {network.Services.Count:N0} services, "
            + $"{network.ServiceStops:N0} stops, {network.WeeklyDepartures:N0} weekly departures in {generated:0.0} s; wrote {directory} in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
