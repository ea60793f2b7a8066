namespace Caravan.Server.Shipments;

/// <summary>A container of a shipment with its seals.</summary>
public sealed record ContainerResponse(string Number, IReadOnlyList<SealResponse> Seals);
