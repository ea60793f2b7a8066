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

    /// <summary>The roles <paramref name="caller"/> holds on shipment <paramref name="id"/>; null when it holds none.</summary>
    public async Task<IReadOnlyList<ShipmentRole>?> RolesAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Party is not { } party || !ShipmentId.TryParse(id, out var shipment))
        {
            return null;
        }

        var roles = await shipments.RolesAsync(shipment, party, cancellationToken).ConfigureAwait(false);
        return roles.Count == 0 ? null : roles;
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
