namespace Caravan.Core.Alerts;

/// <summary>
/// What an <see cref="AlertLatch"/> remembers for one (shipment, device, rule): whether the alert is open, the level
/// the readings point to and since when, and the time of the last reading applied. Immutable.
/// </summary>
/// <param name="IsOpen">Whether the alert is open.</param>
/// <param name="Indicated">The level the readings point to; Unknown readings keep it.</param>
/// <param name="IndicatedSince">The time of the first reading that pointed to <paramref name="Indicated"/>.</param>
/// <param name="LastReadingTime">The time of the last reading applied; older or equal readings are ignored.</param>
/// <param name="Detail">What the latest reading pointing to <paramref name="Indicated"/> showed, for the alert's detail.</param>
public sealed record AlertLatchState(bool IsOpen, AlertLevel Indicated, DateTimeOffset? IndicatedSince, DateTimeOffset? LastReadingTime, string Detail = "")
{
    /// <summary>No alert, before any reading.</summary>
    public static readonly AlertLatchState Initial = new(false, AlertLevel.Unknown, null, null);

    /// <summary>An alert already open (restored from the store after a restart), before any new reading.</summary>
    public static readonly AlertLatchState AlreadyOpen = new(true, AlertLevel.Raised, null, null);
}
