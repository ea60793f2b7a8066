using Caravan.Core.Events;

namespace Caravan.Server.Events;

/// <summary>
/// The outcome of appending one event: the entry (when appended or already recorded) or the problems, each naming the
/// field at fault by its path in the posted envelope (<c>$.signature</c>, <c>$.event.transportCall.UNLocationCode</c>).
/// </summary>
public sealed record EventAppendResult(EventAppendOutcome Outcome, ChainEntry? Entry, IReadOnlyList<(string Field, string Message)> Problems)
{
    /// <summary>True when the event is in the chain: appended now or recorded before.</summary>
    public bool Recorded => Outcome is EventAppendOutcome.Appended or EventAppendOutcome.AlreadyRecorded;

    internal static EventAppendResult Failed(EventAppendOutcome outcome, string field, string message) => new(outcome, null, [(field, message)]);
}
