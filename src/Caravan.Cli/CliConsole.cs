using Spectre.Console;

namespace Caravan.Cli;

/// <summary>
/// Where a command writes: plain writers for machine-readable output and messages, and a Spectre console over
/// standard output for tables. Commands take it instead of touching <see cref="Console"/>, so output can be
/// captured.
/// </summary>
public sealed class CliConsole
{
    /// <summary>Width used for tables when standard output is not a terminal, so rows do not wrap in files.</summary>
    public const int RedirectedWidth = 160;

    public CliConsole(TextWriter output, TextWriter error, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Output = output;
        Error = error;
        Interactive = interactive;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            Ansi.Profile.Width = RedirectedWidth;
        }
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>True when standard output and standard error are terminals a person watches.</summary>
    public bool Interactive { get; }

    /// <summary>A Spectre console writing to <see cref="Output"/>, for tables.</summary>
    public IAnsiConsole Ansi { get; }

    public static CliConsole FromSystemConsole() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected && !Console.IsErrorRedirected);

    /// <summary>Writes a one-line message to standard error and returns <paramref name="exitCode"/>.</summary>
    public int Fail(int exitCode, string message)
    {
        Error.WriteLine($"caravan: {OneLine(message)}");
        return exitCode;
    }

    /// <summary>Runs work that may take more than a second behind a spinner when a person is watching.</summary>
    public T Busy<T>(string status, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!Interactive)
        {
            return work();
        }

        return Ansi.Status().Spinner(Spinner.Known.Dots).Start(status, _ => work());
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
