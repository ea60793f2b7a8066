using System.Collections.Concurrent;
using Caravan.Core.Events;
using Caravan.Core.Shipments;
using Caravan.Storage;

namespace Caravan.Server.Events;

/// <summary>
/// Shipments' statuses, derived from their stored chains (<see cref="ShipmentStatus.Derive"/>) and never stored: each
/// is kept in memory with the length of the chain it was derived from, and derived again when the chain has grown.
/// Chains only grow (an entry is never changed or removed), so a status derived from a chain of the same length is
/// the one its chain gives now, and listing a party's shipments reads one row per chain instead of every event.
/// Bounded: past <see cref="MostShipments"/> it starts afresh.
/// </summary>
public sealed class ShipmentStatuses(IEventStore events)
{
    public const int MostShipments = 100_000;

    private readonly ConcurrentDictionary<ShipmentId, Derived> _derived = new();

    /// <summary>
    /// <paramref name="shipment"/>'s status. With <paramref name="chainLength"/> (from
    /// <see cref="IEventStore.ChainLengthsAsync"/>; 0 for a chain with no entry), one derived from a chain that long
    /// is reused; without it, the chain is always read.
    /// </summary>
    public async Task<ShipmentStatus> OfAsync(Shipment shipment, long? chainLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        if (chainLength is { } length && _derived.TryGetValue(shipment.Id, out var known) && known.ChainLength == length)
        {
            return known.Status;
        }

        var entries = await events.ListAsync(shipment.Id, cancellationToken).ConfigureAwait(false);

        // An entry whose stored event no longer parses is damaged; /verify names it, and it tells nothing of the status.
        var parsed = entries.Select(e => ShipmentEventJson.TryParse(e.EventJson).Event).OfType<ShipmentEvent>();
        var derived = new Derived(entries.Count == 0 ? 0 : entries[^1].Sequence, ShipmentStatus.Derive(parsed, shipment.Consignment.PlaceOfDelivery));
        if (_derived.Count >= MostShipments)
        {
            _derived.Clear();
        }

        // Two readers may derive the same shipment at once: the status of the longer chain stays.
        _derived.AddOrUpdate(shipment.Id, derived, (_, other) => other.ChainLength > derived.ChainLength ? other : derived);
        return derived.Status;
    }

    private sealed record Derived(long ChainLength, ShipmentStatus Status);
}
