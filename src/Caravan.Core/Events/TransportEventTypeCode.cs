namespace Caravan.Core.Events;

/// <summary>Arrival or departure at a transport call (DCSA <c>transportEventTypeCode</c>).</summary>
public enum TransportEventTypeCode
{
    /// <summary>Arrived.</summary>
    ARRI,

    /// <summary>Departed.</summary>
    DEPA,
}
