namespace Caravan.Core.Events;

/// <summary>Whether an event is planned, estimated or actual (DCSA <c>eventClassifierCode</c>).</summary>
public enum EventClassifierCode
{
    /// <summary>Planned.</summary>
    PLN,

    /// <summary>Estimated.</summary>
    EST,

    /// <summary>Actual: it happened.</summary>
    ACT,
}
