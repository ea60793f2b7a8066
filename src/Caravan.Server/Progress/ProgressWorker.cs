using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Caravan.Core.Events;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Caravan.Server.Events;
using Caravan.Server.Hosting;
using Caravan.Server.Keys;
using Caravan.Server.Telemetry;
using Caravan.Storage;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Progress;

/// <summary>
/// Follows durable readings (<see cref="StoredReadingsFeed"/>), finds the shipment each device is bound to, and moves
/// that device's progress along the shipment's route: arrivals, departures, border crossings and ferry legs become
/// ACT events, and an estimate that moved past the threshold becomes EST events, appended to the shipment's chain as
/// party <c>caravan</c> signed with the <see cref="TelematicsKey"/>. State per (device, shipment) is kept in memory
/// and saved to the <c>progress</c> table whenever it wrote something, at least every <see cref="SaveInterval"/> of
/// readings, and at shutdown; after a restart, readings stored since the last save are read back from the readings
/// store when a device is next seen, so a restart neither forgets progress nor writes an event twice (batches the feed
/// drops while the worker runs are not read back until then). One loop handles every device, so a device's readings
/// are applied in order.
/// </summary>
public sealed class ProgressWorker(
    StoredReadingsFeed feed,
    IDeviceStore devices,
    IShipmentStore shipments,
    IReadingStore readings,
    IProgressStore store,
    IPartyKeyStore keys,
    EventRecorder recorder,
    TelematicsKey telematics,
    CorridorNetworkProvider network,
    IEnumerable<IProgressListener> listeners,
    IOptions<ProgressOptions> options,
    TimeProvider clock,
    ILogger<ProgressWorker> logger) : BackgroundService
{
    /// <summary>The most readings read back from the store for one device at once.</summary>
    public const int CatchUpLimit = 100_000;

    /// <summary>The longest span of readings (by their time) whose state may go unsaved; the store replays the rest.</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromHours(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly ProgressOptions _options = options.Value;
    private readonly IProgressListener[] _listeners = [.. listeners];
    private readonly ConcurrentDictionary<string, Followed?> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(DeviceId, ShipmentId), DeviceProgress> _states = new();
    private readonly ConcurrentDictionary<(DeviceId, ShipmentId), DateTimeOffset?> _saved = new();
    private readonly ConcurrentDictionary<ShipmentId, EtaSnapshot> _etas = new();
    private EtaEstimator? _estimator;
    private long _batches;

    /// <summary>Batches of readings handled since start, for tests and diagnostics.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>The progress of <paramref name="device"/> on <paramref name="shipment"/> as the worker holds it now; null before its first reading.</summary>
    public DeviceProgress? Current(DeviceId device, ShipmentId shipment) => _states.GetValueOrDefault((device, shipment));

    /// <summary>
    /// The shipment's latest estimate over all its devices: the worker's since start, else the one saved last — read
    /// from the store once, then kept until the worker's own next estimate replaces it (the worker keeps each estimate
    /// before it saves it, so a saved one is never newer than one kept); null when there is none.
    /// </summary>
    public async Task<EtaSnapshot?> LatestEtaAsync(ShipmentId shipment, CancellationToken cancellationToken)
    {
        if (_etas.TryGetValue(shipment, out var latest))
        {
            return latest;
        }

        var saved = Read(await store.LatestAsync(shipment, cancellationToken).ConfigureAwait(false))?.Eta;
        return saved is null ? null : _etas.GetOrAdd(shipment, saved);
    }

    /// <summary>A state as the store holds it (JSON), read back.</summary>
    public static DeviceProgress? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<DeviceProgress>(json, Json);

    /// <summary>Registers the telematics key to party <c>caravan</c> before the server takes requests, then starts following.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Enabled)
        {
            await keys.AddAsync(PlatformKeys.PartyId, telematics.Public, null, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        // Subscribe before the first await, so no reading published after start-up is missed.
        var batches = feed.Subscribe("progress", stoppingToken);
        try
        {
            await foreach (var batch in batches.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                // Readings can span bindings (a device moved to another container); each run goes to its own shipment.
                IReadOnlyList<(DeviceBinding Binding, IReadOnlyList<TrackerReading> Readings)> runs;
                try
                {
                    runs = await BoundReadings.GroupAsync(devices, batch, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.ProgressBatchFailed(logger, batch.Count, e);
                    continue;
                }

                foreach (var (binding, run) in runs)
                {
                    try
                    {
                        await AdvanceAsync(binding, [.. run], stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        Log.ProgressFailed(logger, binding.Device.Value, e);
                    }
                }

                Interlocked.Increment(ref _batches);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the loop ends here or when the feed completes the queue.
        }

        // Save what is not saved yet; the storage stops after this worker (hosted services stop in reverse order).
        foreach (var (key, progress) in _states.Where(p => _saved.GetValueOrDefault(p.Key) != p.Value.Progress.LastReadingTime))
        {
            try
            {
                await SaveAsync(key, progress, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.ProgressFailed(logger, key.Item1.Value, e);
            }
        }
    }

    private async Task AdvanceAsync(DeviceBinding binding, List<TrackerReading> run, CancellationToken cancellationToken)
    {
        if (await RouteAsync(binding.Shipment, cancellationToken).ConfigureAwait(false) is not { } followed)
        {
            return;
        }

        var key = (binding.Device, binding.Shipment);
        if (!_states.TryGetValue(key, out var progress))
        {
            progress = Read(await store.FindAsync(binding.Device, binding.Shipment, cancellationToken).ConfigureAwait(false));
            if (progress?.Progress.LastReadingTime is { } last && progress.Progress.Stops.Count == followed.Route.Stops.Count)
            {
                var missed = await readings.TrackAsync(binding.Device, last.AddTicks(1), run[0].Time, CatchUpLimit, cancellationToken).ConfigureAwait(false);
                run = [.. missed.Where(r => binding.Covers(r.Time)), .. run];
            }
            else
            {
                progress = DeviceProgress.Initial(followed.Route.Stops.Count);
            }
        }

        var step = followed.Tracker.Apply(progress.Progress, run);
        if (step.State.LastReadingTime == progress.Progress.LastReadingTime)
        {
            return;
        }

        foreach (var observation in step.Observations)
        {
            foreach (var json in ProgressEvents.For(observation, binding.Shipment, binding.Container, clock.GetUtcNow()))
            {
                await AppendAsync(binding, json, cancellationToken).ConfigureAwait(false);
            }
        }

        var asOf = step.State.LastReadingTime!.Value;
        var eta = _estimator!.Estimate(followed.Route, step.State, asOf);
        var before = progress;
        progress = await EstimateAsync(binding, followed, progress with { Progress = step.State }, eta, cancellationToken).ConfigureAwait(false);
        progress = await CheckDwellAsync(binding, followed.Route, progress, asOf, cancellationToken).ConfigureAwait(false);
        _states[key] = progress;
        _etas[binding.Shipment] = progress.Eta!;
        var wrote = step.Observations.Count > 0
            || progress.WrittenDestinationP50 != before.WrittenDestinationP50
            || progress.WrittenNextP50 != before.WrittenNextP50
            || progress.DwellReported.Count != before.DwellReported.Count;
        if (wrote || _saved.GetValueOrDefault(key) is not { } saved || asOf - saved >= SaveInterval)
        {
            await SaveAsync(key, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SaveAsync((DeviceId Device, ShipmentId Shipment) key, DeviceProgress progress, CancellationToken cancellationToken)
    {
        await store.SaveAsync(key.Device, key.Shipment, JsonSerializer.Serialize(progress, Json), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _saved[key] = progress.Progress.LastReadingTime;
    }

    /// <summary>Writes EST events where the P50 moved past the threshold, and keeps the estimate for the API.</summary>
    private async Task<DeviceProgress> EstimateAsync(
        DeviceBinding binding, Followed followed, DeviceProgress progress, EtaEstimate eta, CancellationToken cancellationToken)
    {
        var destination = eta.Destination;
        progress = progress with
        {
            Eta = new EtaSnapshot(
                eta.AsOf,
                eta.Next?.Stop.Terminal.Locode.Value,
                eta.Next?.P50,
                eta.Next?.P90,
                destination.Stop.Terminal.Locode.Value,
                destination.P50,
                destination.P90,
                eta.Arrived),
        };
        if (eta.Arrived)
        {
            return progress;
        }

        var threshold = TimeSpan.FromMinutes(_options.EtaThresholdMinutes);
        if (eta.Next is { } next && next.Stop != destination.Stop
            && (progress.WrittenNextTerminal != next.Stop.Terminal.Locode.Value || Moved(progress.WrittenNextP50, next.P50, threshold)))
        {
            await AppendAsync(binding, ProgressEvents.Estimate(binding.Shipment, next.Stop, next.P50, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            progress = progress with { WrittenNextTerminal = next.Stop.Terminal.Locode.Value, WrittenNextP50 = next.P50 };
        }

        if (Moved(progress.WrittenDestinationP50, destination.P50, threshold))
        {
            await AppendAsync(binding, ProgressEvents.Estimate(binding.Shipment, destination.Stop, destination.P50, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            var notice = new EtaNotice(
                binding.Shipment, binding.Container, binding.Device, destination.Stop.Terminal.Locode, destination.P50, destination.P90, progress.WrittenDestinationP50, null);
            progress = progress with { WrittenDestinationP50 = destination.P50 };
            await NotifyAsync(nameof(IProgressListener.EtaMovedAsync), binding, l => l.EtaMovedAsync(notice, cancellationToken)).ConfigureAwait(false);
        }

        return progress;
    }

    private async Task<DeviceProgress> CheckDwellAsync(
        DeviceBinding binding, ProgressRoute route, DeviceProgress progress, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (progress.Progress.AtStop is not { } at || progress.Progress.Stops[at] is not { ArrivedAt: { } arrived } stay)
        {
            return progress;
        }

        var stop = route.Stops[at];
        var planned = stop.PlannedDeparture is { } leaves && stop.PlannedArrival is { } comes && leaves > comes ? leaves - comes : TimeSpan.Zero;
        var p90Stay = planned + TimeSpan.FromHours(Math.Max(0, stop.Terminal.DwellP90Hours - stop.Terminal.DwellP50Hours));
        var visit = $"{at}/{stay.Visits}";
        if (stop.PlannedDeparture is null || asOf - arrived <= p90Stay || progress.DwellReported.Contains(visit))
        {
            return progress;
        }

        var notice = new DwellNotice(binding.Shipment, binding.Container, binding.Device, stop.Terminal.Locode, arrived, p90Stay, asOf);
        await NotifyAsync(nameof(IProgressListener.DwellPastP90Async), binding, l => l.DwellPastP90Async(notice, cancellationToken)).ConfigureAwait(false);
        return progress with { DwellReported = [.. progress.DwellReported, visit] };
    }

    private async Task NotifyAsync(string name, DeviceBinding binding, Func<IProgressListener, Task> call)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                await call(listener).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.ProgressListenerFailed(logger, name, binding.Shipment.Value, e);
            }
        }
    }

    private async Task AppendAsync(DeviceBinding binding, byte[] json, CancellationToken cancellationToken)
    {
        var signature = DetachedJws.Sign(telematics.Signing, json);
        var result = await recorder.AppendAsync(PlatformKeys.PartyId, binding.Shipment, json, signature, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case EventAppendOutcome.Appended:
                var appended = ShipmentEventJson.TryParse(json).Event!;
                Log.ProgressRecorded(logger, $"{appended.TypeCode} {appended.EventClassifierCode}", binding.Shipment.Value, ShipmentStatus.PlaceOf(appended)?.Value ?? "?", binding.Device.Value);
                break;
            case EventAppendOutcome.AlreadyRecorded or EventAppendOutcome.Conflict:
                // Its id is derived from what it is about: written before (a restart, another tracker of the shipment).
                break;
            default:
                Log.ProgressEventRefused(logger, binding.Shipment.Value, result.Outcome.ToString(), string.Join("; ", result.Problems.Select(p => $"{p.Field}: {p.Message}")));
                break;
        }
    }

    private async Task<Followed?> RouteAsync(ShipmentId shipment, CancellationToken cancellationToken)
    {
        if (_routes.TryGetValue(shipment.Value, out var known))
        {
            return known;
        }

        var planner = network.Planner(out var problem);
        var booked = await shipments.FindAsync(shipment, cancellationToken).ConfigureAwait(false);
        Followed? followed = null;
        if (planner is null || booked is null)
        {
            Log.ProgressUnavailable(logger, shipment.Value, planner is null ? $"the corridor network is unavailable ({problem})" : "the shipment is not stored");
        }
        else
        {
            _estimator ??= new EtaEstimator(planner.Network);
            var route = ProgressRoute.Of(booked, planner.Network, _options.Radii());
            if (route.Stops.Count < 2)
            {
                Log.ProgressUnavailable(logger, shipment.Value, "its itinerary's terminals are not in the corridor network");
            }
            else
            {
                followed = new Followed(route, new ProgressTracker(route, _options.Rules()));
            }
        }

        _routes[shipment.Value] = followed;
        return followed;
    }

    private static bool Moved(DateTimeOffset? written, DateTimeOffset now, TimeSpan threshold) =>
        written is not { } before || (now - before).Duration() > threshold;

    private sealed record Followed(ProgressRoute Route, ProgressTracker Tracker);
}
