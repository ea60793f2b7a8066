namespace Caravan.Storage;

/// <summary>What the store did with one event of an append.</summary>
public enum AppendOutcome
{
    /// <summary>Sealed and stored as a new entry.</summary>
    Appended,

    /// <summary>An event with the same id and the same canonical bytes is stored already; its entry is returned.</summary>
    AlreadyRecorded,

    /// <summary>The event's id is stored already with different bytes; nothing was written.</summary>
    Conflict,

    /// <summary>Valid and new, but not written, because another event of the same batch conflicts (all or nothing).</summary>
    NotAppended,
}
