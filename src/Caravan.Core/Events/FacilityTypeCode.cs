namespace Caravan.Core.Events;

/// <summary>The kind of place a transport call is at (DCSA <c>facilityTypeCode</c>; COYA is deprecated and not accepted).</summary>
public enum FacilityTypeCode
{
    /// <summary>Border crossing: on the corridor, a gauge-break station such as Dostyk or Khorgos.</summary>
    BOCR,

    /// <summary>Customer location.</summary>
    CLOC,

    /// <summary>Container freight station.</summary>
    COFS,

    /// <summary>Off-dock storage.</summary>
    OFFD,

    /// <summary>Depot.</summary>
    DEPO,

    /// <summary>Inland terminal (a rail terminal or dry port).</summary>
    INTE,

    /// <summary>Port terminal.</summary>
    POTE,

    /// <summary>Ramp.</summary>
    RAMP,
}
