using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Caravan.Core.Network;

namespace Caravan.Benchmarks.Synthetic;

/// <summary>
/// The <c>load</c> mode: loads a network directory through the real loader round after round and prints each
/// round's time, allocated bytes and garbage collections, so an A/B comparison of the loader can lean on figures
/// that do not depend on how busy the machine is.
/// </summary>
public static class LoadCommand
{
    /// <summary>
    /// Arguments: --dir NETWORK [--rounds N] (default 5) [--hash] (after the rounds, a SHA-256 of the loaded records and
    /// the compiled arrays, to check that a change to the loader compiles the same network).
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var options = new CommandArgs(args);
        var directory = options.Value("--dir") ?? throw new ArgumentException("load needs --dir with a network directory");
        var rounds = options.Int("--rounds", 5);
        CorridorNetwork? network = null;
        for (var round = 0; round < rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var pause = GC.GetTotalPauseDuration();
            var watch = Stopwatch.StartNew();
            network = NetworkDirectory.Load(directory);
            var seconds = watch.Elapsed.TotalSeconds;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {round}: {seconds:F3} s, allocated {allocated / 1e6:F1} MB, GC gen0 {GC.CollectionCount(0) - gen0} gen1 {GC.CollectionCount(1) - gen1} gen2 {GC.CollectionCount(2) - gen2}, pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms; {network.Terminals.Count:N0} terminals, {network.Links.Count:N0} links, {network.Services.Count:N0} services"));
        }

        if (options.Has("--hash"))
        {
            output.WriteLine($"network hash {Hash(network ?? NetworkDirectory.Load(directory))}");
        }

        return 0;
    }

    /// <summary>A SHA-256 of every record (lists written element by element) and every compiled array of the network.</summary>
    private static string Hash(CorridorNetwork network)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(object? value) => hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{value}\n")));
        foreach (var terminal in network.Terminals)
        {
            Add(terminal);
        }

        foreach (var link in network.Links)
        {
            Add(link with { ViaCountries = [] });
            Add(string.Join(";", link.ViaCountries));
        }

        foreach (var service in network.Services)
        {
            Add(service with { Stops = [], Departures = [] });
            Add(string.Join(";", service.Stops));
            Add(string.Join(";", service.Departures));
        }

        Add(string.Join(";", network.Corridors));
        var arrays = typeof(CorridorNetwork).GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
            .Where(p => p.PropertyType.IsArray)
            .OrderBy(p => p.Name, StringComparer.Ordinal);
        foreach (var property in arrays)
        {
            Add(property.Name);
            foreach (var element in (Array)property.GetValue(network)!)
            {
                Add(element);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
