using System.CommandLine;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan network</c>: check, summarise and export the corridor network data.</summary>
public static class NetworkCommand
{
    public static Command Create(CliConsole console, IDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(examples);
        var command = new Command("network", "Check, summarise and export the corridor network (terminals, links, services, timetables).");
        examples[command] =
        [
            "caravan network validate data/network",
            "caravan network show --format json",
            "caravan network export --format geojson --output network.geojson",
        ];
        command.Subcommands.Add(NetworkValidateCommand.Create(console, examples));
        command.Subcommands.Add(NetworkShowCommand.Create(console, examples));
        command.Subcommands.Add(NetworkExportCommand.Create(console, examples));
        return command;
    }
}
