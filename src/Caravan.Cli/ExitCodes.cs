namespace Caravan.Cli;

/// <summary>The exit codes of every <c>caravan</c> command, documented in docs/cli.md so scripts can rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Success: the command did what was asked (for <c>plan</c>: at least one itinerary).</summary>
    public const int Ok = 0;

    /// <summary>The network data has problems (<c>network validate</c> lists them; other commands refuse to use it).</summary>
    public const int InvalidNetwork = 1;

    /// <summary>Bad input on the command line: unknown place, malformed date, duration, container or country.</summary>
    public const int BadInput = 2;

    /// <summary>The planner found no route; the reason is printed.</summary>
    public const int NoRoute = 3;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT); <c>simulate</c> still prints what it did.</summary>
    public const int Interrupted = 130;

    /// <summary>An unexpected internal error (BSD <c>EX_SOFTWARE</c>); a bug to report.</summary>
    public const int InternalError = 70;
}
