namespace Caravan.Core.Shipments;

/// <summary>
/// The part a party plays on one shipment. A party sees only shipments it holds a role in, and the role decides
/// which events it may write there.
/// </summary>
public enum ShipmentRole
{
    /// <summary>The consignor of the goods.</summary>
    Shipper,

    /// <summary>The receiver of the goods.</summary>
    Consignee,

    /// <summary>The party that booked the shipment.</summary>
    Forwarder,

    /// <summary>Carries the container on one or more legs of the itinerary.</summary>
    Carrier,

    /// <summary>Handles the container at a terminal on the itinerary.</summary>
    TerminalOperator,

    /// <summary>Controls the goods at a border: may hold and release them.</summary>
    CustomsAuthority,
}
