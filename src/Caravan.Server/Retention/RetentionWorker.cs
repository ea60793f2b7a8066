using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Caravan.Storage;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Retention;

/// <summary>
/// Applies each party's retention policy to the readings of the devices it owns, every
/// <see cref="RetentionOptions.RunInterval"/>: readings older than the full-rate horizon are thinned by
/// <see cref="ReadingDownsampler"/>, and readings older than the delete horizon (if any) are deleted. It works device by
/// device in chunks of <see cref="RetentionOptions.ChunkReadings"/>, each one write through the single writer and
/// awaited before the next, so ingestion's writes never queue behind more than one of them; a device's mark records how
/// far it is done, so the past is read once. Nothing at or after a horizon is ever touched.
/// </summary>
public sealed class RetentionWorker(
    IOptions<RetentionOptions> options,
    IRetentionStore store,
    IPartyStore parties,
    IDeviceStore devices,
    TimeProvider clock,
    ILogger<RetentionWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The policy in force for <paramref name="party"/>: its own, or the default.</summary>
    public async Task<RetentionPolicy> PolicyAsync(PartyId party, CancellationToken cancellationToken) =>
        await store.FindAsync(party, cancellationToken).ConfigureAwait(false) ?? options.Value.Default;

    /// <summary>Applies every party's policy once, as of the clock's now; a pass already running is waited for.</summary>
    public async Task<RetentionRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            var own = await store.ListAsync(cancellationToken).ConfigureAwait(false);
            var fallback = options.Value.Default;
            var downsampler = new ReadingDownsampler(options.Value.KeepShockG, options.Value.KeepTemperatureStepC);
            int looked = 0, downsampled = 0, expired = 0;
            foreach (var party in await parties.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                var policy = own.GetValueOrDefault(party.Id) ?? fallback;
                foreach (var device in await devices.ListAsync(party.Id, cancellationToken).ConfigureAwait(false))
                {
                    looked++;
                    // Deleted first: what is past the delete horizon is not worth thinning.
                    expired += await ExpireAsync(device.Id, policy, now, cancellationToken).ConfigureAwait(false);
                    downsampled += await DownsampleAsync(device.Id, policy, downsampler, now, cancellationToken).ConfigureAwait(false);
                }
            }

            if (downsampled + expired > 0)
            {
                Log.RetentionApplied(logger, looked, downsampled, expired);
            }

            return new RetentionRun(looked, downsampled, expired);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log.RetentionFailed(logger, e);
            }

            try
            {
                await Task.Delay(options.Value.RunInterval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> DownsampleAsync(DeviceId device, RetentionPolicy policy, ReadingDownsampler downsampler, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = policy.DownsampleBefore(now);
        var from = await store.MarkAsync(device, cancellationToken).ConfigureAwait(false);
        var limit = options.Value.ChunkReadings;
        var deleted = 0;
        while (from is null || from < before)
        {
            var chunk = await store.ReadAsync(device, from, before, limit, cancellationToken).ConfigureAwait(false);
            if (chunk.Readings.Count == 0)
            {
                break;
            }

            var dropped = downsampler.Dropped(chunk.Previous, chunk.Readings, policy.Interval);
            var more = chunk.Readings.Count == limit;
            var mark = more ? chunk.Readings[^1].Time.AddTicks(1) : before;
            deleted += await store.DownsampleAsync(device, [.. dropped.Select(r => r.Time)], mark, cancellationToken).ConfigureAwait(false);
            if (!more)
            {
                break;
            }

            from = mark;
        }

        return deleted;
    }

    private async Task<int> ExpireAsync(DeviceId device, RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (policy.DeleteBefore(now) is not { } before)
        {
            return 0;
        }

        var limit = options.Value.ChunkReadings;
        var deleted = 0;
        int step;
        do
        {
            step = await store.ExpireAsync(device, before, limit, cancellationToken).ConfigureAwait(false);
            deleted += step;
        }
        while (step == limit);
        return deleted;
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
