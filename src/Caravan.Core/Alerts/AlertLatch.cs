namespace Caravan.Core.Alerts;

/// <summary>
/// Opens and resolves one alert from a stream of judgements without flapping. The rules give the hysteresis in the
/// value (a reading between the two thresholds is <see cref="AlertLevel.Unknown"/> and keeps the indication); the
/// latch adds it in time: an alert opens once readings have pointed to Raised for <see cref="OpenAfter"/>, and
/// resolves once they have pointed to Clear for <see cref="ResolveAfter"/>, each measured from the first reading of
/// the run (zero: that reading decides). Readings not newer than the last one applied are ignored, as in
/// GeofenceTracker: a late reading cannot undo a decision already published.
/// </summary>
public sealed class AlertLatch
{
    public AlertLatch(TimeSpan openAfter, TimeSpan resolveAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(openAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(resolveAfter, TimeSpan.Zero);
        OpenAfter = openAfter;
        ResolveAfter = resolveAfter;
    }

    /// <summary>How long readings must point to Raised, from the first of them, before the alert opens.</summary>
    public TimeSpan OpenAfter { get; }

    /// <summary>How long readings must point to Clear, from the first of them, before the alert resolves.</summary>
    public TimeSpan ResolveAfter { get; }

    public AlertLatchStep Apply(AlertLatchState state, DateTimeOffset time, AlertObservation observation)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(observation);
        if (state.LastReadingTime is { } last && time <= last)
        {
            return new(state, null, null, null);
        }

        var next = observation.Level switch
        {
            AlertLevel.Unknown => state with { IndicatedSince = state.IndicatedSince ?? time, LastReadingTime = time },
            _ when observation.Level == state.Indicated => state with { IndicatedSince = state.IndicatedSince ?? time, LastReadingTime = time, Detail = observation.Detail },
            _ => state with { Indicated = observation.Level, IndicatedSince = time, LastReadingTime = time, Detail = observation.Detail },
        };
        var since = next.IndicatedSince!.Value;

        if (!state.IsOpen && next.Indicated == AlertLevel.Raised && time - since >= OpenAfter)
        {
            return new(next with { IsOpen = true }, AlertChange.Open, since, next.Detail);
        }

        if (state.IsOpen && next.Indicated == AlertLevel.Clear && time - since >= ResolveAfter)
        {
            return new(next with { IsOpen = false }, AlertChange.Resolve, since, next.Detail);
        }

        return new(next, null, null, null);
    }
}
