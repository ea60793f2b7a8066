using Caravan.Core.Network;

namespace Caravan.Cli;

/// <summary>
/// Where the corridor network's CSV files are, and how to name them in messages. The directory is, in order:
/// the one given with <c>--network</c>, <c>$CARAVAN_NETWORK</c>, <c>data/network</c> beside the executable,
/// or <c>./data/network</c>. Reference files are read from <c>reference</c> beside the network directory
/// (<see cref="NetworkFileNames.PathIn"/>).
/// </summary>
public sealed record NetworkLocation(string Directory)
{
    /// <summary>The environment variable naming the network directory when <c>--network</c> is not given.</summary>
    public const string EnvironmentVariable = "CARAVAN_NETWORK";

    /// <summary>Picks the network directory; <paramref name="given"/> is the <c>--network</c> value, if any.</summary>
    public static NetworkLocation Find(string? given, string? environment, string executableDirectory)
    {
        ArgumentNullException.ThrowIfNull(executableDirectory);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new NetworkLocation(given);
        }

        if (!string.IsNullOrWhiteSpace(environment))
        {
            return new NetworkLocation(environment);
        }

        var besideExecutable = Path.Combine(executableDirectory, "data", "network");
        return new NetworkLocation(System.IO.Directory.Exists(besideExecutable) ? besideExecutable : Path.Combine("data", "network"));
    }

    public bool Exists => System.IO.Directory.Exists(Directory);

    /// <summary>The path of one of the network's files as the user gave it, e.g. <c>data/network/links.csv</c>.</summary>
    public string PathOf(string fileName) => NetworkFileNames.PathIn(Directory, fileName);

    /// <summary>Loads and compiles the network, or collects every problem with file, line and column.</summary>
    public NetworkLoadResult Load() =>
        CorridorNetworkLoader.Load(new NetworkSource(
            name => File.Exists(PathOf(name)) ? File.OpenText(PathOf(name)) : null,
            PathOf));
}
