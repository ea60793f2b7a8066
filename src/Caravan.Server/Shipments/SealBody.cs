namespace Caravan.Server.Shipments;

/// <summary>A seal on a container: <c>{"number": "KZ1234567", "source": "carrier"}</c> (source: carrier, shipper, phytosanitary, veterinary, customs).</summary>
public sealed record SealBody
{
    public string? Number { get; init; }

    public string? Source { get; init; }
}
