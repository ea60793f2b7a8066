using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Caravan.Cli;

/// <summary>The standard help, followed by an "Examples:" section for commands that have examples.</summary>
public sealed class HelpWithExamples : SynchronousCommandLineAction
{
    private readonly HelpAction _help;
    private readonly IReadOnlyDictionary<Command, IReadOnlyList<string>> _examples;

    public HelpWithExamples(HelpAction help, IReadOnlyDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(help);
        ArgumentNullException.ThrowIfNull(examples);
        _help = help;
        _examples = examples;
    }

    public override bool ClearsParseErrors => true;

    /// <summary>Replaces the help action of <paramref name="root"/>'s help option (inherited by every subcommand).</summary>
    public static void Install(RootCommand root, IReadOnlyDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            if (option.Action is HelpAction help)
            {
                option.Action = new HelpWithExamples(help, examples);
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var result = _help.Invoke(parseResult);
        if (_examples.TryGetValue(parseResult.CommandResult.Command, out var lines) && lines.Count > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in lines)
            {
                output.WriteLine($"  {line}");
            }

            output.WriteLine();
        }

        return result;
    }
}
