namespace Caravan.Server.Demo;

/// <summary>
/// The demo's moving trackers: when the demo is on, <see cref="DemoTrackers"/> books <see cref="Shipments"/> more demo
/// shipments and drives a virtual tracker on each, replaying the last <see cref="ReplayDays"/> days at
/// <see cref="Speed"/> times real time and then reporting in real time, so the demo corridor moves. Bound from
/// <c>Caravan:Demo:Trackers</c>; <c>caravan serve --demo-trackers N</c> sets <see cref="Shipments"/> (0 turns it off).
/// </summary>
public sealed class DemoTrackerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Caravan:Demo:Trackers";

    /// <summary>How many simulated shipments with trackers to book at each start of the demo; 0 turns the trackers off.</summary>
    public int Shipments { get; set; } = 20;

    /// <summary>Simulated seconds per real second while replaying.</summary>
    public double Speed { get; set; } = 600;

    /// <summary>How many days before the start are replayed at <see cref="Speed"/>, until the trackers catch up with the clock.</summary>
    public double ReplayDays { get; set; } = 2;

    /// <summary>How often the trackers' due readings are ingested, in milliseconds of real time.</summary>
    public int TickMilliseconds { get; set; } = 1000;

    /// <summary>What is wrong with these options, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Shipments is < 0 or > 1000)
        {
            problems.Add($"{SectionName}:Shipments must be from 0 to 1000, not {Shipments}.");
        }

        if (!double.IsFinite(Speed) || Speed is < 1 or > 1_000_000)
        {
            problems.Add($"{SectionName}:Speed must be from 1 to 1000000, not {Speed}.");
        }

        if (!double.IsFinite(ReplayDays) || ReplayDays is < 0 or > 60)
        {
            problems.Add($"{SectionName}:ReplayDays must be from 0 to 60, not {ReplayDays}.");
        }

        if (TickMilliseconds is < 50 or > 60_000)
        {
            problems.Add($"{SectionName}:TickMilliseconds must be from 50 to 60000, not {TickMilliseconds}.");
        }

        return problems;
    }
}
