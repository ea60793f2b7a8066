using System.CommandLine;
using Caravan.Cli.Commands;

namespace Caravan.Cli;

/// <summary>The <c>caravan</c> root command with every subcommand and the examples shown by <c>--help</c>.</summary>
public static class CaravanCommand
{
    public static RootCommand Create(TimeProvider clock, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(console);
        var examples = new Dictionary<Command, IReadOnlyList<string>>();
        var root = new RootCommand(
            "Caravan — the open digital trade corridor between China, Central Asia, the Caucasus, Türkiye and Europe. "
            + "Plan container routes over the corridor network, check the network data, run the server that keeps the "
            + "shipment record, make signing keys, sign events and verify exported shipment records offline.");
        examples[root] =
        [
            "caravan plan --from CNCKG --to DEDUI",
            "caravan network validate data/network",
            "caravan network show",
        ];
        root.Subcommands.Add(PlanCommand.Create(clock, console, examples));
        root.Subcommands.Add(NetworkCommand.Create(console, examples));
        root.Subcommands.Add(ServeCommand.Create(console, examples));
        root.Subcommands.Add(KeysCommand.Create(console, examples));
        var events = new Command("event", "Work with Record events: sign an event with your party's key, or sign and post it to a server.");
        examples[events] = ["caravan event sign --key ktz.key.jwk event.json"];
        events.Subcommands.Add(EventSignCommand.Create(console, examples));
        events.Subcommands.Add(EventPostCommand.Create(console, examples));
        root.Subcommands.Add(events);
        root.Subcommands.Add(VerifyCommand.Create(console, examples));
        root.Subcommands.Add(SimulateCommand.Create(clock, console, examples));
        HelpWithExamples.Install(root, examples);
        return root;
    }
}
