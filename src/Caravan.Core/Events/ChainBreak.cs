namespace Caravan.Core.Events;

/// <summary>The first entry of a chain that does not verify: its position, its event, and why.</summary>
/// <param name="Sequence">The stored sequence number of the broken entry.</param>
/// <param name="Index">Its 0-based position in the list checked (differs from <paramref name="Sequence"/> − 1 when sequences are broken).</param>
/// <param name="EventId">The stored event id of the broken entry.</param>
/// <param name="Reason">One sentence saying what does not hold.</param>
public sealed record ChainBreak(long Sequence, int Index, Guid EventId, string Reason)
{
    public override string ToString() => $"entry {Sequence} (event {EventId}): {Reason}";
}
