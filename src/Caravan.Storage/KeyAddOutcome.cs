namespace Caravan.Storage;

/// <summary>What became of a request to register a key to a party.</summary>
public enum KeyAddOutcome
{
    /// <summary>The key is now registered to the party.</summary>
    Added,

    /// <summary>The key was registered to this party before; nothing changed.</summary>
    AlreadyRegistered,

    /// <summary>The key is registered to another party; nothing was written. A key belongs to at most one party.</summary>
    HeldByAnotherParty,
}
