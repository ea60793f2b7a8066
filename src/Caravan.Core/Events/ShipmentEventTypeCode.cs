namespace Caravan.Core.Events;

/// <summary>What happened to a shipment document (DCSA T&amp;T v2.2 <c>shipmentEventTypeCode</c>, 15 values).</summary>
public enum ShipmentEventTypeCode
{
    /// <summary>Received.</summary>
    RECE,

    /// <summary>Drafted.</summary>
    DRFT,

    /// <summary>Pending approval.</summary>
    PENA,

    /// <summary>Pending update.</summary>
    PENU,

    /// <summary>Rejected.</summary>
    REJE,

    /// <summary>Approved.</summary>
    APPR,

    /// <summary>Issued.</summary>
    ISSU,

    /// <summary>Surrendered.</summary>
    SURR,

    /// <summary>Submitted.</summary>
    SUBM,

    /// <summary>Void.</summary>
    VOID,

    /// <summary>Confirmed.</summary>
    CONF,

    /// <summary>Requested.</summary>
    REQS,

    /// <summary>Completed.</summary>
    CMPL,

    /// <summary>On hold (Caravan: written by customs).</summary>
    HOLD,

    /// <summary>Released (Caravan: written by customs).</summary>
    RELS,
}
