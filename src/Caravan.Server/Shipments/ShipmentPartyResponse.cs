namespace Caravan.Server.Shipments;

/// <summary>A party in a role on a shipment.</summary>
public sealed record ShipmentPartyResponse(string Party, string Role);
