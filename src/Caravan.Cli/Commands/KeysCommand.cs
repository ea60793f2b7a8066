using System.CommandLine;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan keys</c>: Ed25519 key pairs that parties keep and sign their events with.</summary>
public static class KeysCommand
{
    public static Command Create(CliConsole console, IDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(examples);
        var command = new Command("keys", "Make the Ed25519 key pairs a party signs its events with (JWK files; the private key never leaves the party).");
        examples[command] =
        [
            "caravan keys new --party ktz",
            "caravan keys new --party ktz --out keys",
        ];
        command.Subcommands.Add(KeysNewCommand.Create(console, examples));
        return command;
    }
}
