using System.CommandLine;
using Caravan.Core.Network;
using Caravan.Server.Network;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan network validate [DIR]</c>: loads the network and lists every problem as
/// <c>file:line:column: field: message</c>. Exit 0 when valid, 1 when there are problems.
/// </summary>
public static class NetworkValidateCommand
{
    public static Command Create(CliConsole console, IDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(examples);
        var directory = new Argument<string?>("DIR")
        {
            Description = "The network directory (default: --network, then the usual places; see --network).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var network = NetworkOption.Create();
        var command = new Command(
            "validate",
            "Check the network data and list every problem with file, line and column. Exit 0 when valid, 1 when there are problems, 2 when DIR does not exist.");
        command.Arguments.Add(directory);
        command.Options.Add(network);
        examples[command] =
        [
            "caravan network validate data/network",
            "caravan network validate ~/my-network",
        ];

        command.SetAction(parseResult =>
        {
            var location = NetworkOption.Locate(parseResult.GetValue(directory) ?? parseResult.GetValue(network));
            if (!location.Exists)
            {
                return console.Fail(ExitCodes.BadInput, $"network directory '{location.Directory}' does not exist");
            }

            var result = console.Busy("Checking the corridor network…", location.Load);
            if (result.Network is { } loaded)
            {
                console.Output.WriteLine($"{location.Directory}: valid: {Describe(loaded)}");
                return ExitCodes.Ok;
            }

            foreach (var problem in result.Problems)
            {
                console.Output.WriteLine(problem.ToString());
            }

            var count = result.Problems.Count;
            console.Output.WriteLine($"{location.Directory}: {count} problem{(count == 1 ? string.Empty : "s")}; nothing was loaded");
            return ExitCodes.InvalidNetwork;
        });
        return command;
    }

    private static string Describe(CorridorNetwork network)
    {
        var departures = network.Services.Sum(s => s.Departures.Count);
        return $"{network.Terminals.Count} terminals in {network.Terminals.Select(t => t.Country).Distinct().Count()} countries, "
            + $"{network.Links.Count} links ({Words.Number(network.Links.Sum(l => l.DistanceKm), 0)} km), "
            + $"{network.Services.Count} services with {departures} weekly departures, {network.Corridors.Count} corridors";
    }
}
