using System.Text.Json;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Caravan.Server.Alerts;
using Caravan.Server.Events;
using Caravan.Server.Telemetry;
using Caravan.Storage;

namespace Caravan.Server.Live;

/// <summary>
/// Feeds the <see cref="LiveHub"/> with positions and chain entries (alerts come from the <see cref="AlertRaiser"/>):
/// follows the <see cref="StoredReadingsFeed"/>, maps readings to the shipment their device is bound to and publishes
/// each device's newest position — a reading older than one already published (a late or repeated one) is not news
/// on a live map — keeping it in <see cref="LivePositions"/> for maps that open later; and follows the <see cref="ChainEntryFeed"/>, publishing every entry as the API shows it.
/// </summary>
public sealed class LiveFollower(
    StoredReadingsFeed readings, ChainEntryFeed entries, IDeviceStore devices, LiveHub hub, LivePositions positions, ILogger<LiveFollower> logger) : BackgroundService
{
    private readonly Dictionary<DeviceId, DateTimeOffset> _published = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batches = readings.Subscribe(nameof(LiveFollower), stoppingToken);
        entries.Follow(appended =>
        {
            // With no live stream open there is no one to write the entries for.
            if (hub.Streams == 0)
            {
                return;
            }

            foreach (var entry in appended)
            {
                var data = JsonSerializer.SerializeToUtf8Bytes(EntryResponse.FromSealed(entry), AlertNotification.Json);
                hub.Publish(new LiveMessage(LiveMessage.Entry, ShipmentId.Parse(entry.ShipmentId), data));
            }
        });

        try
        {
            await foreach (var batch in batches.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await PublishAsync(batch, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    Log.LivePositionsFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PublishAsync(IReadOnlyList<TrackerReading> batch, CancellationToken cancellationToken)
    {
        foreach (var (binding, bound) in await BoundReadings.GroupAsync(devices, batch, cancellationToken).ConfigureAwait(false))
        {
            var newest = bound[^1];
            if (_published.TryGetValue(binding.Device, out var last) && newest.Time <= last)
            {
                continue;
            }

            _published[binding.Device] = newest.Time;
            var position = new LivePosition(binding.Device.Value, binding.Shipment.Value, binding.Container.Value, ReadingResponse.Of(newest));
            positions.Set(position);
            hub.Publish(new LiveMessage(LiveMessage.Position, binding.Shipment, JsonSerializer.SerializeToUtf8Bytes(position, AlertNotification.Json)));
        }
    }
}
