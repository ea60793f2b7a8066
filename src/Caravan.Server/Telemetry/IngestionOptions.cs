namespace Caravan.Server.Telemetry;

/// <summary>
/// How the ingestion pipeline buffers and batches readings between the edges (HTTP, OsmAnd, MQTT) and the store.
/// Bound from <c>Caravan:Ingestion</c>.
/// </summary>
public sealed class IngestionOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Caravan:Ingestion";

    /// <summary>
    /// Submissions (one HTTP request or MQTT message each, at most 1,000 readings) that may wait for the writer;
    /// when it is full, submitters wait (back-pressure).
    /// </summary>
    public int QueueCapacity { get; set; } = 2048;

    /// <summary>The most readings written in one batch.</summary>
    public int MaxBatchReadings { get; set; } = 10_000;

    /// <summary>How long a submitter waits for room in a full queue before it is told to retry later.</summary>
    public TimeSpan EnqueueTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>What is wrong with these options, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (QueueCapacity is < 1 or > 1_000_000)
        {
            problems.Add($"{SectionName}:QueueCapacity must be from 1 to 1000000, not {QueueCapacity}.");
        }

        if (MaxBatchReadings is < 1 or > 1_000_000)
        {
            problems.Add($"{SectionName}:MaxBatchReadings must be from 1 to 1000000, not {MaxBatchReadings}.");
        }

        if (EnqueueTimeout <= TimeSpan.Zero || EnqueueTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{SectionName}:EnqueueTimeout must be more than 0 and at most 10 minutes, not {EnqueueTimeout}.");
        }

        return problems;
    }
}
