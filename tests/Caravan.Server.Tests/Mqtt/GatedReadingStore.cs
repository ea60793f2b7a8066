using Caravan.Core.Telemetry;
using Caravan.Storage;

namespace Caravan.Server.Tests.Mqtt;

/// <summary>
/// The real SQLite readings store behind a gate the test opens: a write reaching the store waits until
/// <see cref="Open"/>, so a test can look at what a device has been told before its readings are durable.
/// </summary>
public sealed class GatedReadingStore(IReadingStore inner) : IReadingStore
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a write has reached the gate.</summary>
    public Task Reached => _reached.Task;

    public void Open() => _open.TrySetResult();

    public async Task<ReadingAppendResult> AppendAsync(IReadOnlyList<TrackerReading> readings, CancellationToken cancellationToken)
    {
        await WaitAsync(cancellationToken);
        return await inner.AppendAsync(readings, cancellationToken);
    }

    public async Task<IReadOnlyList<ReadingAppendResult>> AppendEachAsync(IReadOnlyList<IReadOnlyList<TrackerReading>> submissions, CancellationToken cancellationToken)
    {
        await WaitAsync(cancellationToken);
        return await inner.AppendEachAsync(submissions, cancellationToken);
    }

    public Task<IReadOnlyList<TrackerReading>> TrackAsync(DeviceId device, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken) =>
        inner.TrackAsync(device, from, to, limit, cancellationToken);

    public Task<TrackerReading?> LatestAsync(DeviceId device, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        inner.LatestAsync(device, from, to, cancellationToken);

    private Task WaitAsync(CancellationToken cancellationToken)
    {
        _reached.TrySetResult();
        return _open.Task.WaitAsync(cancellationToken);
    }
}
