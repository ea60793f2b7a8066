using Caravan.Core.Events;

namespace Caravan.Storage;

/// <summary>
/// A shipment's entries in sequence order and its head as recorded at the last append, both read in one snapshot, so
/// an append committed meanwhile is in both or in neither.
/// </summary>
public sealed record StoredChain(IReadOnlyList<ChainEntry> Entries, ChainHead? Head);
