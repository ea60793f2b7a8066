namespace Caravan.Server.Events;

/// <summary>The entries of a batch, in the order the events were posted.</summary>
public sealed record EntriesResponse(IReadOnlyList<EntryResponse> Entries);
