using System.Collections.Concurrent;
using Caravan.Core.Shipments;
using Caravan.Storage;

namespace Caravan.Server.Access;

/// <summary>
/// The access rule of the Record: a party sees a shipment only when it holds a role on it. Endpoints under
/// <c>/api/shipments/{id}</c> ask here first and answer 404 when the result is null, whether the shipment is absent
/// or merely someone else's, so a party cannot learn that another party's shipment exists.
/// </summary>
public sealed class ShipmentAccess(IShipmentStore shipments)
{
    /// <summary>How many (shipment, party) pairs with roles are kept in memory.</summary>
    private const int MostCached = 100_000;

    // A shipment's parties and their roles are fixed when it is booked, so a party's roles on it never change once
    // found. Only roles found are kept: a shipment that does not exist yet may be booked later.
    private readonly ConcurrentDictionary<(ShipmentId Shipment, PartyId Party), IReadOnlyList<ShipmentRole>> _roles = new();

    /// <summary>The roles <paramref name="caller"/> holds on shipment <paramref name="id"/>; null when it holds none.</summary>
    public async Task<IReadOnlyList<ShipmentRole>?> RolesAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Party is not { } party || !ShipmentId.TryParse(id, out var shipment))
        {
            return null;
        }

        if (_roles.TryGetValue((shipment, party), out var known))
        {
            return known;
        }

        var roles = await shipments.RolesAsync(shipment, party, cancellationToken).ConfigureAwait(false);
        if (roles.Count == 0)
        {
            return null;
        }

        if (_roles.Count >= MostCached)
        {
            _roles.Clear();
        }

        _roles[(shipment, party)] = roles;
        return roles;
    }

    /// <summary>The shipment <paramref name="id"/> with the caller's roles on it; null when the caller holds none.</summary>
    public async Task<(Shipment Shipment, IReadOnlyList<ShipmentRole> Roles)?> FindAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var roles = await RolesAsync(caller, id, cancellationToken).ConfigureAwait(false);
        if (roles is null)
        {
            return null;
        }

        var shipment = await shipments.FindAsync(ShipmentId.Parse(id), cancellationToken).ConfigureAwait(false);
        return shipment is null ? null : (shipment, roles);
    }
}
