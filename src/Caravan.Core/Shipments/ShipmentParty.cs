namespace Caravan.Core.Shipments;

/// <summary>A party holding a role on a shipment; a party may hold several roles, each as its own entry.</summary>
public sealed record ShipmentParty(PartyId Party, ShipmentRole Role);
