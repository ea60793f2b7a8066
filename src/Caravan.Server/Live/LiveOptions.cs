namespace Caravan.Server.Live;

/// <summary>How the live feed streams: the heartbeat interval and how far a stream may fall behind. Bound from <c>Caravan:Live</c>.</summary>
public sealed class LiveOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Caravan:Live";

    /// <summary>How often a stream with nothing to say sends a comment line, so proxies and clients know it is alive (default 15 seconds).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Messages one stream may fall behind by before its oldest are dropped (default 1,024).</summary>
    public int QueueCapacity { get; set; } = LiveHub.DefaultCapacity;

    /// <summary>What is wrong with these options, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (HeartbeatInterval < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{SectionName}:{nameof(HeartbeatInterval)} must be at least one second.");
        }

        if (QueueCapacity is < 16 or > 1_000_000)
        {
            problems.Add($"{SectionName}:{nameof(QueueCapacity)} must be from 16 to 1000000, not {QueueCapacity}.");
        }

        return problems;
    }
}
