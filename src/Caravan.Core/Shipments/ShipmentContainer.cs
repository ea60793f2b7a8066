namespace Caravan.Core.Shipments;

/// <summary>A container of a shipment: its ISO 6346 number (check digit verified) and the seals on it.</summary>
public sealed record ShipmentContainer(ContainerNumber Number, IReadOnlyList<ContainerSeal> Seals);
