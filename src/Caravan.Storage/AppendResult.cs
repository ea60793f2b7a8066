using Caravan.Core.Events;

namespace Caravan.Storage;

/// <summary>
/// The store's answer for one event: the new entry, the entry already stored with this event id (for a conflict,
/// the other event's entry, possibly on another shipment), or null when not appended.
/// </summary>
public sealed record AppendResult(AppendOutcome Outcome, ChainEntry? Entry);
