using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;

namespace Caravan.Storage;

/// <summary>
/// Retention of tracker readings: each party's own policy (parties without one follow the server's default), and the
/// reads and deletes the retention worker makes — each delete one small write through the single writer, so ingestion
/// never waits long behind it.
/// </summary>
public interface IRetentionStore
{
    /// <summary>The party's own policy; null when it follows the default.</summary>
    Task<RetentionPolicy?> FindAsync(PartyId party, CancellationToken cancellationToken);

    /// <summary>Every party's own policy.</summary>
    Task<IReadOnlyDictionary<PartyId, RetentionPolicy>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Sets the party's own policy, or removes it (<paramref name="policy"/> null: back to the default).</summary>
    Task SetAsync(PartyId party, RetentionPolicy? policy, DateTimeOffset updatedAt, CancellationToken cancellationToken);

    /// <summary>The time before which the device's readings are downsampled already; null when none are.</summary>
    Task<DateTimeOffset?> MarkAsync(DeviceId device, CancellationToken cancellationToken);

    /// <summary>
    /// The device's readings with <paramref name="from"/> ≤ time &lt; <paramref name="before"/> (from null: the
    /// first), in time order, at most <paramref name="limit"/>, with the reading stored just before them.
    /// </summary>
    Task<RetentionChunk> ReadAsync(DeviceId device, DateTimeOffset? from, DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes the device's readings at <paramref name="times"/> and records <paramref name="mark"/>, in one write; answers how many were deleted.</summary>
    Task<int> DownsampleAsync(DeviceId device, IReadOnlyList<DateTimeOffset> times, DateTimeOffset mark, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="limit"/> of the device's oldest readings before <paramref name="before"/>; answers how many.</summary>
    Task<int> ExpireAsync(DeviceId device, DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
