namespace Caravan.Server.Devices;

/// <summary>A binding to open: the shipment, the ISO 6346 number of one of its containers, and when it starts (now when absent).</summary>
public sealed record BindingBody
{
    public string? Shipment { get; init; }

    public string? Container { get; init; }

    public DateTimeOffset? From { get; init; }
}
