using Caravan.Core.Network;

namespace Caravan.Benchmarks.Synthetic;

/// <summary>
/// The on-disk layout of a network: its files in a network directory and the reference files in
/// <c>reference</c> beside it (as <c>data/network</c> and <c>data/reference</c>).
/// </summary>
public static class NetworkDirectory
{
    /// <summary>A loader source reading <paramref name="networkDirectory"/> and the reference directory beside it.</summary>
    public static NetworkSource Source(string networkDirectory)
    {
        ArgumentNullException.ThrowIfNull(networkDirectory);
        string PathOf(string name) => NetworkFileNames.PathIn(networkDirectory, name);
        return new NetworkSource(
            name => File.Exists(PathOf(name)) ? new StreamReader(PathOf(name), System.Text.Encoding.UTF8, true, 1 << 16) : null,
            PathOf);
    }

    /// <summary>Loads a network through the real loader, throwing with the first problems if it does not load.</summary>
    public static CorridorNetwork Load(string networkDirectory)
    {
        var result = CorridorNetworkLoader.Load(Source(networkDirectory));
        return result.Network ?? throw new InvalidOperationException(
            $"The network in {networkDirectory} does not load ({result.Problems.Count} problems):{Environment.NewLine}"
            + string.Join(Environment.NewLine, result.Problems.Take(20).Select(p => p.ToString())));
    }
}
