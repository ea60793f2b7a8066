namespace Caravan.Storage;

/// <summary>A chain's length and last entry hash as recorded with each append, to compare a chain read back against.</summary>
public sealed record ChainHead(long Sequence, string EntryHash);

/// <summary>
/// A shipment's entries in sequence order and its head as recorded at the last append, both read in one snapshot, so
/// an append committed meanwhile is in both or in neither.
/// </summary>
public sealed record StoredChain(IReadOnlyList<Core.Events.ChainEntry> Entries, ChainHead? Head);
