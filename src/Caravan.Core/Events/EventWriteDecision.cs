namespace Caravan.Core.Events;

/// <summary>Whether a writer may write an event, and if not, a reason naming the writer and the event.</summary>
public sealed record EventWriteDecision(bool Allowed, string? Reason)
{
    public static EventWriteDecision Allow { get; } = new(true, null);
}
