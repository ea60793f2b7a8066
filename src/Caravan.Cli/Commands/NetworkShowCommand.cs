using System.CommandLine;
using System.Text.Json;
using Caravan.Cli.Output;
using Caravan.Cli.Output.Json;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan network show</c>: summary tables (or JSON) of terminals, links, services and corridors.</summary>
public static class NetworkShowCommand
{
    public static Command Create(CliConsole console, IDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(examples);
        var format = new Option<string>("--format")
        {
            Description = "Output format: table for people, json for programs.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var network = NetworkOption.Create();
        var command = new Command(
            "show",
            "Summarise the network: terminals by country and kind, links by mode with km, services by mode, corridors with their link and service counts.");
        command.Options.Add(format);
        command.Options.Add(network);
        examples[command] =
        [
            "caravan network show",
            "caravan network show --network data/network --format json",
        ];

        command.SetAction(parseResult =>
        {
            var location = NetworkOption.Locate(parseResult.GetValue(network));
            var loaded = NetworkOption.Load(console, location, out var exitCode);
            if (loaded is null)
            {
                return exitCode;
            }

            var summary = NetworkSummary.Of(loaded, location.Directory);
            if (parseResult.GetValue(format) == "json")
            {
                console.Output.WriteLine(JsonSerializer.Serialize(summary, CliJsonContext.Readable.NetworkSummary));
            }
            else
            {
                NetworkTables.Write(console.Ansi, summary);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
