using Caravan.Core.Telemetry;

namespace Caravan.Storage;

/// <summary>
/// Tracker readings, kept once per (device, time): the store behind telemetry ingestion and a device's track.
/// A reading repeated with the same device and time is a duplicate, counted and ignored, never an error.
/// </summary>
public interface IReadingStore
{
    /// <summary>
    /// Stores <paramref name="readings"/> in one write through the single writer; when the task completes they are
    /// durable. Answers how many were new and how many were duplicates (already stored, or repeated in the list).
    /// </summary>
    Task<ReadingAppendResult> AppendAsync(IReadOnlyList<TrackerReading> readings, CancellationToken cancellationToken);

    /// <summary>
    /// Stores several submissions in one write (the ingestion pipeline's batch); when the task completes all are
    /// durable. Answers one result per submission, in order: a reading already stored, or stored by an earlier
    /// submission of the same call, counts as that submission's duplicate.
    /// </summary>
    Task<IReadOnlyList<ReadingAppendResult>> AppendEachAsync(IReadOnlyList<IReadOnlyList<TrackerReading>> submissions, CancellationToken cancellationToken);

    /// <summary>
    /// The device's readings with <paramref name="from"/> ≤ time &lt; <paramref name="to"/> (either bound may be
    /// null for open), in time order, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<TrackerReading>> TrackAsync(DeviceId device, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken);

    /// <summary>The device's newest reading with <paramref name="from"/> ≤ time &lt; <paramref name="to"/> (either bound may be null for open); null when there is none.</summary>
    Task<TrackerReading?> LatestAsync(DeviceId device, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken);
}
