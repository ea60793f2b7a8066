namespace Caravan.Storage;

/// <summary>One page of events: their canonical JSON in append order, the position of the last, and whether more follow.</summary>
public sealed record EventPage(IReadOnlyList<ReadOnlyMemory<byte>> Events, long LastPosition, bool More);
