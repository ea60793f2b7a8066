using Caravan.Core.Shipments;

namespace Caravan.Server.Live;

/// <summary>
/// One server-sent event of the live feed: its name (<c>position</c>, <c>entry</c>, <c>alert</c>), the shipment it
/// belongs to — which decides who may see it — and its data, JSON serialized once for every subscriber.
/// </summary>
public sealed record LiveMessage(string Event, ShipmentId Shipment, ReadOnlyMemory<byte> Data)
{
    public const string Position = "position";
    public const string Entry = "entry";
    public const string Alert = "alert";
}
