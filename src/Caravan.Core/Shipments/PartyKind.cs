namespace Caravan.Core.Shipments;

/// <summary>What a party on the corridor is: the kind decides which roles it can hold on a shipment.</summary>
public enum PartyKind
{
    /// <summary>Sends the goods (the consignor of the CIM/SMGS note).</summary>
    Shipper,

    /// <summary>Receives the goods at the place of delivery.</summary>
    Consignee,

    /// <summary>Books and organises the transport on the shipper's behalf.</summary>
    Forwarder,

    /// <summary>A railway, ferry line, shipping line or road haulier that carries the container on a leg.</summary>
    Carrier,

    /// <summary>Runs a port, rail terminal, dry port or border station where containers are handled.</summary>
    TerminalOperator,

    /// <summary>A customs authority that holds and releases goods.</summary>
    CustomsAuthority,

    /// <summary>Caravan itself: seals entries into chains and writes automatic events from telemetry.</summary>
    Platform,
}
