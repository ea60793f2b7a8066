using System.Collections.Concurrent;
using Caravan.Core.Events;
using Caravan.Core.Shipments;
using Caravan.Storage;

namespace Caravan.Server.Events;

/// <summary>
/// Shipments' statuses, derived from their stored chains and authors (<see cref="ShipmentStatus"/>) and never stored: each
/// is kept in memory with the length of the chain it was derived from, and derived again when the chain has grown.
/// Chains only grow (an entry is never changed or removed), so a status derived from a chain of the same length is
/// the one its chain gives now, and listing a party's shipments reads one row per chain instead of every event.
/// Bounded: past <see cref="MostShipments"/> it starts afresh.
/// </summary>
public sealed class ShipmentStatuses(IEventStore events)
{
    public const int MostShipments = 100_000;

    private readonly ConcurrentDictionary<ShipmentId, Derived> _derived = new();

    /// <summary><paramref name="shipment"/>'s status, derived from its chain as it is now (read every time).</summary>
    public Task<ShipmentStatus> OfAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return DeriveAsync(shipment, cancellationToken);
    }

    /// <summary>
    /// The statuses of <paramref name="shipments"/>, all of which <paramref name="party"/> holds a role in: a chain is
    /// read only when it is longer than when its status was last derived (one query gives the party's chain lengths).
    /// </summary>
    public async Task<IReadOnlyDictionary<ShipmentId, ShipmentStatus>> OfPartyAsync(
        PartyId party, IReadOnlyList<Shipment> shipments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipments);
        var lengths = await events.ChainLengthsAsync(party, cancellationToken).ConfigureAwait(false);
        var statuses = new Dictionary<ShipmentId, ShipmentStatus>(shipments.Count);
        foreach (var shipment in shipments)
        {
            statuses[shipment.Id] = _derived.TryGetValue(shipment.Id, out var known) && known.ChainLength == lengths.GetValueOrDefault(shipment.Id)
                ? known.Status
                : await DeriveAsync(shipment, cancellationToken).ConfigureAwait(false);
        }

        return statuses;
    }

    private async Task<ShipmentStatus> DeriveAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        var entries = await events.ListAsync(shipment.Id, cancellationToken).ConfigureAwait(false);

        // An entry whose stored event no longer parses is damaged; /verify names it, and it tells nothing of the status.
        var parsed = entries
            .Select(e => (Event: ShipmentEventJson.TryParse(e.EventJson).Event, e.AuthorPartyId))
            .Where(e => e.Event is not null)
            .Select(e => (e.Event!, e.AuthorPartyId));
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
