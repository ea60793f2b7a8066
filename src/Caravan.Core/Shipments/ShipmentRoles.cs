namespace Caravan.Core.Shipments;

/// <summary>
/// Which roles a party of each kind may hold on a shipment, and which kinds may book one. A forwarder may also
/// stand as consignor or consignee, as it often does on a CIM/SMGS note; every other kind holds its own role only.
/// </summary>
public static class ShipmentRoles
{
    /// <summary>The roles a party of <paramref name="kind"/> may hold.</summary>
    public static IReadOnlyList<ShipmentRole> AllowedFor(PartyKind kind) => kind switch
    {
        PartyKind.Shipper => [ShipmentRole.Shipper],
        PartyKind.Consignee => [ShipmentRole.Consignee],
        PartyKind.Forwarder => [ShipmentRole.Forwarder, ShipmentRole.Shipper, ShipmentRole.Consignee],
        PartyKind.Carrier => [ShipmentRole.Carrier],
        PartyKind.TerminalOperator => [ShipmentRole.TerminalOperator],
        PartyKind.CustomsAuthority => [ShipmentRole.CustomsAuthority],
        _ => [],
    };

    /// <summary>Whether a party of <paramref name="kind"/> may hold <paramref name="role"/>.</summary>
    public static bool Allows(PartyKind kind, ShipmentRole role) => AllowedFor(kind).Contains(role);

    /// <summary>The role in which a party of <paramref name="kind"/> books a shipment; null when it may not book one.</summary>
    public static ShipmentRole? CreatorRole(PartyKind kind) => kind switch
    {
        PartyKind.Forwarder => ShipmentRole.Forwarder,
        PartyKind.Shipper => ShipmentRole.Shipper,
        _ => null,
    };
}
