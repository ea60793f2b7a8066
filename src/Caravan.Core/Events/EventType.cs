namespace Caravan.Core.Events;

/// <summary>The DCSA T&amp;T v2.2 event families (standards.md §1.1); member names are the DCSA codes as written in JSON.</summary>
public enum EventType
{
    /// <summary>The status of a document: booking, transport document, customs hold and release.</summary>
    SHIPMENT,

    /// <summary>Arrival at or departure from a transport call.</summary>
    TRANSPORT,

    /// <summary>A container move: load, discharge, gate in and out, stuffing, inspection.</summary>
    EQUIPMENT,
}
