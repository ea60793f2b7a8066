namespace Caravan.Server.Shipments;

/// <summary>A container of a new shipment: its ISO 6346 number (check digit verified) and its seals.</summary>
public sealed record ContainerBody
{
    public string? Number { get; init; }

    public IReadOnlyList<SealBody>? Seals { get; init; }
}
