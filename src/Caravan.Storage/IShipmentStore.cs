using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>Shipments, the parties in their roles on them, their containers and booked itineraries.</summary>
public interface IShipmentStore
{
    /// <summary>Stores a new shipment in one transaction; a failure leaves nothing behind.</summary>
    Task CreateAsync(Shipment shipment, CancellationToken cancellationToken);

    Task<Shipment?> FindAsync(ShipmentId id, CancellationToken cancellationToken);

    /// <summary>The roles <paramref name="party"/> holds on <paramref name="shipment"/>; empty when none (or no such shipment).</summary>
    Task<IReadOnlyList<ShipmentRole>> RolesAsync(ShipmentId shipment, PartyId party, CancellationToken cancellationToken);

    /// <summary>The shipments <paramref name="party"/> holds a role in, newest first.</summary>
    Task<IReadOnlyList<Shipment>> ListForPartyAsync(PartyId party, CancellationToken cancellationToken);

    /// <summary>How many shipments are stored.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}
