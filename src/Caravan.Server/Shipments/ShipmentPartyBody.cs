namespace Caravan.Server.Shipments;

/// <summary>A party in a role on a new shipment: <c>{"party": "ktz", "role": "carrier"}</c>.</summary>
public sealed record ShipmentPartyBody
{
    public string? Party { get; init; }

    public string? Role { get; init; }
}
