namespace Caravan.Core.Shipments;

/// <summary>Who put a seal on a container (DCSA <c>sealSource</c>: CAR, SHI, PHY, VET, CUS).</summary>
public enum SealSource
{
    /// <summary>CAR: the carrier.</summary>
    Carrier,

    /// <summary>SHI: the shipper.</summary>
    Shipper,

    /// <summary>PHY: a phytosanitary authority.</summary>
    Phytosanitary,

    /// <summary>VET: a veterinary authority.</summary>
    Veterinary,

    /// <summary>CUS: customs.</summary>
    Customs,
}
