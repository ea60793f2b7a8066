namespace Caravan.Server.Events;

/// <summary>What became of one event posted to a shipment's chain.</summary>
public enum EventAppendOutcome
{
    /// <summary>Sealed into the chain as a new entry (HTTP 201).</summary>
    Appended,

    /// <summary>The same event (same id, same canonical bytes) was recorded before; the stored entry is returned (200).</summary>
    AlreadyRecorded,

    /// <summary>The event id is recorded with a different event (409).</summary>
    Conflict,

    /// <summary>The author's roles on the shipment do not allow this event (403).</summary>
    Forbidden,

    /// <summary>The event or its signature is not valid; <see cref="EventAppendResult.Problems"/> names the fields (400).</summary>
    Invalid,

    /// <summary>No such shipment, or the author holds no role on it (404).</summary>
    ShipmentNotFound,

    /// <summary>Valid, but not written because another event of its batch failed (all or nothing).</summary>
    Skipped,
}
