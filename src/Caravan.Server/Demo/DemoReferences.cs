using Caravan.Core.Shipments;

namespace Caravan.Server.Demo;

/// <summary>
/// The references every event of one demo shipment carries: the shipment, the forwarder's booking, the CIM/SMGS note
/// (and when it was issued), the container, and the customs declaration the border post refers to.
/// </summary>
internal sealed record DemoReferences(
    ShipmentId Shipment,
    string Booking,
    string Note,
    DateTimeOffset NoteIssuedAt,
    ContainerNumber Container,
    string CustomsDocument);
