using System.CommandLine;
using Caravan.Core.Network;

namespace Caravan.Cli;

/// <summary>The <c>--network DIR</c> option shared by every command that reads the network, and loading it.</summary>
public static class NetworkOption
{
    public static Option<string?> Create() => new("--network")
    {
        Description = $"Directory of the corridor network CSV files (reference files are read from DIR/../reference). "
            + $"Default: ${NetworkLocation.EnvironmentVariable}, else data/network beside the executable, else ./data/network.",
        HelpName = "DIR",
    };

    /// <summary>Finds the network directory from <paramref name="given"/>, the environment and the defaults.</summary>
    public static NetworkLocation Locate(string? given) =>
        NetworkLocation.Find(given, Environment.GetEnvironmentVariable(NetworkLocation.EnvironmentVariable), AppContext.BaseDirectory);

    /// <summary>
    /// Loads the network for a command that needs a valid one. On failure, writes one line to standard error and
    /// returns null with the exit code to return: 2 when the directory does not exist, 1 when the data has problems.
    /// </summary>
    public static CorridorNetwork? Load(CliConsole console, NetworkLocation location, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(location);
        if (!location.Exists)
        {
            exitCode = console.Fail(ExitCodes.BadInput, $"network directory '{location.Directory}' does not exist (use --network DIR or ${NetworkLocation.EnvironmentVariable})");
            return null;
        }

        var result = console.Busy("Loading the corridor network…", location.Load);
        if (result.Network is null)
        {
            var count = result.Problems.Count;
            exitCode = console.Fail(
                ExitCodes.InvalidNetwork,
                $"the network in {location.Directory} has {count} problem{(count == 1 ? string.Empty : "s")}, first {result.Problems[0]}; run 'caravan network validate {location.Directory}'");
            return null;
        }

        exitCode = ExitCodes.Ok;
        return result.Network;
    }
}
