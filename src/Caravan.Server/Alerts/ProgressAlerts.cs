using System.Globalization;
using System.Threading.Channels;
using Caravan.Core.Alerts;
using Caravan.Core.Events;
using Caravan.Core.Shipments;
using Caravan.Server.Events;
using Caravan.Server.Keys;
using Caravan.Server.Progress;

namespace Caravan.Server.Alerts;

/// <summary>
/// The alert rules that follow progress rather than readings: a stay at a terminal or border past its P90 opens
/// <see cref="AlertKind.DwellBeyondP90"/> (subject: the terminal's LOCODE), resolved when the platform records the
/// container's departure from there; a destination estimate past the promised arrival opens
/// <see cref="AlertKind.EtaSlipping"/>, resolved by an estimate back within it.
/// </summary>
public sealed class ProgressAlerts : BackgroundService, IProgressListener
{
    private readonly AlertRaiser _raiser;
    private readonly Channel<(ShipmentId Shipment, string Terminal, DateTimeOffset At)> _departures =
        Channel.CreateBounded<(ShipmentId, string, DateTimeOffset)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ProgressAlerts(AlertRaiser raiser, ChainEntryFeed appended)
    {
        ArgumentNullException.ThrowIfNull(raiser);
        ArgumentNullException.ThrowIfNull(appended);
        _raiser = raiser;
        appended.Follow(OnAppended);
    }

    public async Task DwellPastP90Async(DwellNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var hours = notice.P90Stay.TotalHours.ToString("0", CultureInfo.InvariantCulture);
        await _raiser.OpenAsync(
            notice.Shipment,
            AlertKind.DwellBeyondP90,
            notice.Terminal.Value,
            notice.ArrivedAt + notice.P90Stay,
            $"Container {notice.Container} has been at {notice.Terminal} since {notice.ArrivedAt:u}; the P90 of its stay there is {hours} h.",
            cancellationToken).ConfigureAwait(false);
    }

    public async Task EtaMovedAsync(EtaNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.SlipsPastPromise)
        {
            await _raiser.OpenAsync(
                notice.Shipment,
                AlertKind.EtaSlipping,
                string.Empty,
                notice.P50,
                $"The estimated arrival at {notice.Destination} ({notice.P50:u}, P90 {notice.P90:u}) is past the promised {notice.Promised:u}.",
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _raiser.ResolveAsync(
                notice.Shipment, AlertKind.EtaSlipping, string.Empty, notice.P50, $"The estimated arrival at {notice.Destination} is {notice.P50:u}.", cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (shipment, terminal, at) in _departures.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await _raiser.ResolveAsync(shipment, AlertKind.DwellBeyondP90, terminal, at, $"Left {terminal} at {at:u}.", stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void OnAppended(IReadOnlyList<ChainEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.AuthorPartyId != PlatformKeys.PartyId.Value || ShipmentEventJson.TryParse(entry.EventJson).Event is not { } shipmentEvent)
            {
                continue;
            }

            if (shipmentEvent.TypeCode == "DEPA" && shipmentEvent.EventClassifierCode == EventClassifierCode.ACT
                && ShipmentStatus.PlaceOf(shipmentEvent) is { } place && ShipmentId.TryParse(entry.ShipmentId, out var shipment))
            {
                _departures.Writer.TryWrite((shipment, place.Value, shipmentEvent.EventDateTime));
            }
        }
    }
}
