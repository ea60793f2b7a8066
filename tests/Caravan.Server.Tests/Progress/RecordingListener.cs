using System.Collections.Concurrent;
using Caravan.Server.Progress;

namespace Caravan.Server.Tests.Progress;

/// <summary>An <see cref="IProgressListener"/> that keeps what it is told, as an alert rule would receive it.</summary>
internal sealed class RecordingListener : IProgressListener
{
    public ConcurrentQueue<DwellNotice> Dwell { get; } = new();

    public ConcurrentQueue<EtaNotice> Eta { get; } = new();

    public Task DwellPastP90Async(DwellNotice notice, CancellationToken cancellationToken)
    {
        Dwell.Enqueue(notice);
        return Task.CompletedTask;
    }

    public Task EtaMovedAsync(EtaNotice notice, CancellationToken cancellationToken)
    {
        Eta.Enqueue(notice);
        return Task.CompletedTask;
    }
}
