using System.Collections.Concurrent;
using Caravan.Core.Alerts;
using Caravan.Core.Geography;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Caravan.Server.Hosting;
using Caravan.Server.Progress;
using Caravan.Server.Telemetry;
using Caravan.Storage;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Alerts;

/// <summary>
/// Runs the telemetry alert rules: follows the <see cref="StoredReadingsFeed"/>, maps each reading to the shipment its
/// device is bound to, applies that shipment's rules (<see cref="AlertRuleSet"/>) with one latch per (shipment,
/// device, rule), and checks bound devices for silence every <see cref="AlertOptions.SilenceCheckInterval"/>. Opens
/// and resolves through the <see cref="AlertRaiser"/>. Latches live in memory; alerts open at a restart are restored
/// as open, so they resolve, rather than open twice, when the readings clear.
/// </summary>
public sealed class AlertMonitor(
    StoredReadingsFeed feed,
    IDeviceStore devices,
    IShipmentStore shipments,
    IAlertStore alerts,
    AlertRaiser raiser,
    CorridorNetworkProvider networks,
    IOptions<AlertOptions> options,
    IOptions<ProgressOptions> progress,
    TimeProvider clock,
    ILogger<AlertMonitor> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AlertRules _rules = options.Value.ToRules();
    private readonly Dictionary<(ShipmentId, DeviceId, AlertKind), AlertLatchState> _latches = [];
    private readonly HashSet<(ShipmentId, DeviceId)> _silent = [];
    private readonly Dictionary<DeviceId, DateTimeOffset> _newestFix = [];
    private readonly ConcurrentDictionary<ShipmentId, IReadOnlyList<IReadingRule>> _shipmentRules = new();

    // The door rule's terminals are the progress engine's geofences: one set of radii, configured once.
    private readonly GeofenceRadii _radii = progress.Value.Radii();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batches = feed.Subscribe(nameof(AlertMonitor), stoppingToken);
        try
        {
            await RestoreAsync(stoppingToken).ConfigureAwait(false);
            var silence = WatchSilenceAsync(stoppingToken);
            await foreach (var batch in batches.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await _gate.WaitAsync(stoppingToken).ConfigureAwait(false);
                try
                {
                    await ApplyAsync(batch, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    Log.AlertRulesFailed(logger, e);
                }
                finally
                {
                    _gate.Release();
                }
            }

            await silence.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Checks every bound device for silence now, by its newest stored reading; the timer calls this every interval.</summary>
    public async Task CheckSilenceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            var watched = await alerts.ListWatchedDevicesAsync(cancellationToken).ConfigureAwait(false);
            var bound = new HashSet<(ShipmentId, DeviceId)>();
            foreach (var device in watched)
            {
                var (id, shipment) = (device.Binding.Device, device.Binding.Shipment);
                bound.Add((shipment, id));
                var rule = new SilenceRule(device.SilenceTimeout ?? _rules.DefaultSilenceTimeout);
                var lastHeard = Max(device.LastFix ?? device.Binding.From, device.Binding.From);
                _newestFix[id] = Max(_newestFix.GetValueOrDefault(id), lastHeard);
                var judged = rule.Judge(id, lastHeard, now);
                if (judged.Level == AlertLevel.Raised && _silent.Add((shipment, id)))
                {
                    await raiser.OpenAsync(shipment, AlertKind.DeviceSilent, id.Value, lastHeard + rule.Timeout, judged.Detail, cancellationToken).ConfigureAwait(false);
                }
                else if (judged.Level == AlertLevel.Clear && _silent.Remove((shipment, id)))
                {
                    await raiser.ResolveAsync(shipment, AlertKind.DeviceSilent, id.Value, lastHeard, judged.Detail, cancellationToken).ConfigureAwait(false);
                }
            }

            await ReleaseUnboundAsync(bound, now, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WatchSilenceAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SilenceCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await CheckSilenceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                Log.SilenceCheckFailed(logger, e);
            }
        }
    }

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        foreach (var alert in await alerts.ListUnresolvedAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!DeviceId.TryParse(alert.Subject, out var device))
            {
                continue;
            }

            if (alert.Kind == AlertKind.DeviceSilent)
            {
                _silent.Add((alert.Shipment, device));
            }
            else
            {
                _latches[(alert.Shipment, device, alert.Kind)] = AlertLatchState.AlreadyOpen;
            }
        }
    }

    private async Task ApplyAsync(IReadOnlyList<TrackerReading> batch, CancellationToken cancellationToken)
    {
        foreach (var (binding, bound) in await BoundReadings.GroupAsync(devices, batch, cancellationToken).ConfigureAwait(false))
        {
            var rules = await RulesAsync(binding.Shipment, cancellationToken).ConfigureAwait(false);
            foreach (var reading in bound)
            {
                foreach (var rule in rules)
                {
                    var key = (binding.Shipment, binding.Device, rule.Kind);
                    var step = rule.Latch.Apply(_latches.GetValueOrDefault(key, AlertLatchState.Initial), reading.Time, rule.Judge(reading));
                    _latches[key] = step.State;
                    if (step.Change == AlertChange.Open)
                    {
                        await raiser.OpenAsync(binding.Shipment, rule.Kind, binding.Device.Value, step.At!.Value, step.Detail!, cancellationToken).ConfigureAwait(false);
                    }
                    else if (step.Change == AlertChange.Resolve)
                    {
                        await raiser.ResolveAsync(binding.Shipment, rule.Kind, binding.Device.Value, step.At!.Value, step.Detail!, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            var newest = Max(_newestFix.GetValueOrDefault(binding.Device), bound[^1].Time);
            _newestFix[binding.Device] = newest;
            if (_silent.Contains((binding.Shipment, binding.Device)))
            {
                var timeout = await alerts.FindSilenceTimeoutAsync(binding.Device, cancellationToken).ConfigureAwait(false) ?? _rules.DefaultSilenceTimeout;
                var judged = new SilenceRule(timeout).Judge(binding.Device, newest, clock.GetUtcNow());
                if (judged.Level == AlertLevel.Clear && _silent.Remove((binding.Shipment, binding.Device)))
                {
                    await raiser.ResolveAsync(binding.Shipment, AlertKind.DeviceSilent, binding.Device.Value, newest, judged.Detail, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    // A device unbound (delivered, moved to another container) leaves its shipment: its alerts there resolve.
    private async Task ReleaseUnboundAsync(HashSet<(ShipmentId, DeviceId)> bound, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string Detail = "The device is no longer bound to the shipment.";
        foreach (var (shipment, device) in _silent.Where(s => !bound.Contains(s)).ToList())
        {
            _silent.Remove((shipment, device));
            await raiser.ResolveAsync(shipment, AlertKind.DeviceSilent, device.Value, now, Detail, cancellationToken).ConfigureAwait(false);
        }

        foreach (var ((shipment, device, kind), state) in _latches.Where(l => l.Value.IsOpen && !bound.Contains((l.Key.Item1, l.Key.Item2))).ToList())
        {
            _latches.Remove((shipment, device, kind));
            await raiser.ResolveAsync(shipment, kind, device.Value, now, Detail, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<IReadingRule>> RulesAsync(ShipmentId id, CancellationToken cancellationToken)
    {
        if (_shipmentRules.TryGetValue(id, out var known))
        {
            return known;
        }

        var shipment = await shipments.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (shipment is null)
        {
            return [];
        }

        var network = networks.Planner(out _)?.Network;
        TerminalGeofence? GeofenceOf(Locode locode) =>
            network?.FindTerminal(locode) is { } terminal ? _radii.For(terminal) : null;
        return _shipmentRules[id] = AlertRuleSet.For(shipment, GeofenceOf, _rules);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
