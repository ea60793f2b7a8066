using Caravan.Core.Events;
using Caravan.Core.Shipments;
using Caravan.Storage;

namespace Caravan.Server.Events;

/// <summary>Derives a shipment's status from its stored chain on every read (<see cref="ShipmentStatus.Derive"/>); it is never stored.</summary>
public static class ShipmentStatusReader
{
    public static async Task<ShipmentStatus> DeriveAsync(IEventStore events, Shipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(shipment);
        var entries = await events.ListAsync(shipment.Id, cancellationToken).ConfigureAwait(false);

        // An entry whose stored event no longer parses is damaged; /verify names it, and it tells nothing of the status.
        var parsed = entries.Select(e => ShipmentEventJson.TryParse(e.EventJson).Event).OfType<ShipmentEvent>();
        return ShipmentStatus.Derive(parsed, shipment.Consignment.PlaceOfDelivery);
    }
}
