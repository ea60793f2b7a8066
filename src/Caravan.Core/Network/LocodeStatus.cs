namespace Caravan.Core.Network;

/// <summary>How far a terminal's code can be trusted.</summary>
public enum LocodeStatus
{
    /// <summary>Checked against the UNECE UN/LOCODE list.</summary>
    Verified,

    /// <summary>A UN/LOCODE not yet checked against the UNECE list.</summary>
    Unverified,

    /// <summary>No UN/LOCODE exists; a Caravan-assigned code of the same shape.</summary>
    Custom,
}
