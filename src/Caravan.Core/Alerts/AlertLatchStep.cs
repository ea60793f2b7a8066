namespace Caravan.Core.Alerts;

/// <summary>
/// The result of applying one judgement to an <see cref="AlertLatch"/>: the next state and, when the alert opens or
/// resolves, the change, dated at the first reading that pointed that way, with that reading's detail.
/// </summary>
public sealed record AlertLatchStep(AlertLatchState State, AlertChange? Change, DateTimeOffset? At, string? Detail);
