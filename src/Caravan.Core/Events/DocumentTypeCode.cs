namespace Caravan.Core.Events;

/// <summary>The document a SHIPMENT event is about (DCSA T&amp;T v2.2 <c>documentTypeCode</c>, 11 values).</summary>
public enum DocumentTypeCode
{
    /// <summary>Carrier booking request reference.</summary>
    CBR,

    /// <summary>Booking.</summary>
    BKG,

    /// <summary>Shipping instruction.</summary>
    SHI,

    /// <summary>Shipment release message.</summary>
    SRM,

    /// <summary>Transport document (a CIM/SMGS consignment note on a rail leg).</summary>
    TRD,

    /// <summary>Arrival notice.</summary>
    ARN,

    /// <summary>Verified gross mass.</summary>
    VGM,

    /// <summary>Cargo survey.</summary>
    CAS,

    /// <summary>Customs inspection.</summary>
    CUS,

    /// <summary>Dangerous goods declaration.</summary>
    DGD,

    /// <summary>Out of gauge.</summary>
    OOG,
}
