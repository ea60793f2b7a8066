namespace Caravan.Storage;

/// <summary>
/// Where Caravan keeps its state and how the single writer batches: bound from <c>Caravan:Storage</c>
/// (<c>caravan serve --data DIR</c> sets <see cref="DataDirectory"/>).
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Caravan:Storage";

    /// <summary>The file name of the database inside <see cref="DataDirectory"/>.</summary>
    public const string DatabaseFileName = "caravan.db";

    /// <summary>The directory holding <c>caravan.db</c> and <c>documents/</c>; created when missing.</summary>
    public string DataDirectory { get; set; } = "caravan-data";

    /// <summary>The most write requests committed in one transaction.</summary>
    public int WriteBatchSize { get; set; } = 256;

    /// <summary>How many write requests may wait for the writer before callers wait to enqueue (back-pressure).</summary>
    public int WriteQueueCapacity { get; set; } = 4096;

    /// <summary>
    /// The writer connection's page cache in MiB (SQLite's default is 2 MiB). Every append looks up the chain's head
    /// and the event id's index; with a cache that holds those index pages the writer stops re-reading them from the
    /// file.
    /// </summary>
    public int WriterCacheMebibytes { get; set; } = 64;

    /// <summary>
    /// The size, in pages (4 KiB), the write-ahead log reaches before a commit copies it into the database file
    /// (SQLite's <c>wal_autocheckpoint</c>; its default is 1,000). Every append dirties a page of the random event-id
    /// index and pages that many appends share (the table's last page, the per-shipment and per-type indexes); a
    /// larger log copies a page rewritten by many commits once instead of at each of several checkpoints, and syncs
    /// the database file less often. Durability does not change: every commit still syncs the log.
    /// </summary>
    public int WalAutoCheckpointPages { get; set; } = 8192;

    /// <summary>How long a connection waits for a lock held by another before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The path of the database file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, DatabaseFileName);

    /// <summary>What is wrong with these options, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            problems.Add($"{SectionName}:DataDirectory must name a directory.");
        }

        if (WriteBatchSize is < 1 or > 100_000)
        {
            problems.Add($"{SectionName}:WriteBatchSize must be from 1 to 100000, not {WriteBatchSize}.");
        }

        if (WriteQueueCapacity is < 1 or > 1_000_000)
        {
            problems.Add($"{SectionName}:WriteQueueCapacity must be from 1 to 1000000, not {WriteQueueCapacity}.");
        }

        if (WriterCacheMebibytes is < 2 or > 4096)
        {
            problems.Add($"{SectionName}:WriterCacheMebibytes must be from 2 to 4096, not {WriterCacheMebibytes}.");
        }

        if (WalAutoCheckpointPages is < 100 or > 1_000_000)
        {
            problems.Add($"{SectionName}:WalAutoCheckpointPages must be from 100 to 1000000, not {WalAutoCheckpointPages}.");
        }

        if (BusyTimeout < TimeSpan.Zero || BusyTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{SectionName}:BusyTimeout must be from 0 to 10 minutes, not {BusyTimeout}.");
        }

        return problems;
    }
}
