namespace Caravan.Core.Events;

/// <summary>A container move (DCSA T&amp;T v2.2 <c>equipmentEventTypeCode</c>, 11 values).</summary>
public enum EquipmentEventTypeCode
{
    /// <summary>Loaded onto a vessel, train or truck.</summary>
    LOAD,

    /// <summary>Discharged from a vessel, train or truck.</summary>
    DISC,

    /// <summary>Gated in to a terminal.</summary>
    GTIN,

    /// <summary>Gated out of a terminal.</summary>
    GTOT,

    /// <summary>Stuffed (packed).</summary>
    STUF,

    /// <summary>Stripped (unpacked).</summary>
    STRP,

    /// <summary>Picked up.</summary>
    PICK,

    /// <summary>Dropped off.</summary>
    DROP,

    /// <summary>Inspected.</summary>
    INSP,

    /// <summary>Resealed.</summary>
    RSEA,

    /// <summary>Removed.</summary>
    RMVD,
}
