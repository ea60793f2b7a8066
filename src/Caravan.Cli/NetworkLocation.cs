using Caravan.Core.Network;

namespace Caravan.Cli;

/// <summary>
/// Where the corridor network's CSV files are, and how to name them in messages. The directory is, in order:
/// the one given with <c>--network</c>, <c>$CARAVAN_NETWORK</c>, <c>data/network</c> beside the executable,
/// or <c>./data/network</c>. Reference files are read from <c>reference</c> beside the network directory.
/// </summary>
public sealed record NetworkLocation(string Directory, string ReferenceDirectory)
{
    /// <summary>The environment variable naming the network directory when <c>--network</c> is not given.</summary>
    public const string EnvironmentVariable = "CARAVAN_NETWORK";

    /// <summary>Picks the network directory; <paramref name="given"/> is the <c>--network</c> value, if any.</summary>
    public static NetworkLocation Find(string? given, string? environment, string executableDirectory)
    {
        ArgumentNullException.ThrowIfNull(executableDirectory);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return At(given);
        }

        if (!string.IsNullOrWhiteSpace(environment))
        {
            return At(environment);
        }

        var besideExecutable = Path.Combine(executableDirectory, "data", "network");
        return System.IO.Directory.Exists(besideExecutable) ? At(besideExecutable) : At(Path.Combine("data", "network"));
    }

    /// <summary>The network in <paramref name="directory"/>, its reference files in <c>../reference</c>.</summary>
    public static NetworkLocation At(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var full = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(full)) ?? full;
        var reference = Path.Combine(parent, "reference");
        var shown = Path.IsPathRooted(directory) ? reference : Path.GetRelativePath(System.IO.Directory.GetCurrentDirectory(), reference);
        return new NetworkLocation(directory, shown);
    }

    public bool Exists => System.IO.Directory.Exists(Directory);

    /// <summary>The path of one of the network's files as the user gave it, e.g. <c>data/network/links.csv</c>.</summary>
    public string PathOf(string fileName) =>
        Path.Combine(NetworkFileNames.IsReference(fileName) ? ReferenceDirectory : Directory, fileName);

    /// <summary>Loads and compiles the network, or collects every problem with file, line and column.</summary>
    public NetworkLoadResult Load() =>
        CorridorNetworkLoader.Load(new NetworkSource(
            name => File.Exists(PathOf(name)) ? File.OpenText(PathOf(name)) : null,
            PathOf));
}
