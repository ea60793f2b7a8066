using System.CommandLine;
using System.CommandLine.Invocation;

namespace Caravan.Cli;

/// <summary>
/// Parses and runs a command line with Caravan's rules: a parse error is one line and exit 2, an unexpected
/// exception is one line and exit 70 — never a usage dump or a stack trace.
/// </summary>
public static class CliRunner
{
    public static int Run(RootCommand root, IReadOnlyList<string> args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            var parseResult = root.Parse(args);
            if (parseResult.Action is ParseErrorAction)
            {
                var messages = parseResult.Errors.Select(e => e.Message.TrimEnd('.')).Distinct(StringComparer.Ordinal);
                var command = CommandPath(parseResult.CommandResult.Command, root);
                return console.Fail(ExitCodes.BadInput, $"{string.Join("; ", messages)} (see '{command} --help')");
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = console.Output,
                Error = console.Error,
            });
        }
        catch (OperationCanceledException)
        {
            return console.Fail(ExitCodes.InternalError, "cancelled");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return console.Fail(ExitCodes.InternalError, $"internal error: {e.Message} (this is a bug; please report it with the command line)");
        }
    }

    private static string CommandPath(Command command, RootCommand root)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c && c != root; s = c.Parents.FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        names.Insert(0, "caravan");
        return string.Join(' ', names);
    }
}
