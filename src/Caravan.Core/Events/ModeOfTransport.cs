namespace Caravan.Core.Events;

/// <summary>
/// The mode of a transport call (DCSA <c>modeOfTransport</c>: the complete list). A Caspian or Black Sea ferry
/// is a VESSEL; DCSA has no separate ferry mode.
/// </summary>
public enum ModeOfTransport
{
    /// <summary>A ship, ferries included.</summary>
    VESSEL,

    /// <summary>A train.</summary>
    RAIL,

    /// <summary>A road vehicle.</summary>
    TRUCK,

    /// <summary>An inland waterway barge.</summary>
    BARGE,
}
