namespace Caravan.Core.Telemetry;

/// <summary>
/// What a <see cref="GeofenceTracker"/> remembers for one (device, geofence) pair: the confirmed side, the side the
/// readings currently point to and since when, and the time of the last reading applied. Immutable, so it can be stored.
/// </summary>
/// <param name="Confirmed">The side last confirmed (after the minimum dwell), or Unknown before the first clear reading.</param>
/// <param name="Indicated">The side the readings point to, with hysteresis: readings between the radius and radius × hysteresis keep it unchanged.</param>
/// <param name="IndicatedSince">The time of the first reading that pointed to <paramref name="Indicated"/>.</param>
/// <param name="LastReadingTime">The time of the last reading applied; older or equal readings are ignored.</param>
public sealed record GeofenceState(
    GeofenceSide Confirmed,
    GeofenceSide Indicated,
    DateTimeOffset? IndicatedSince,
    DateTimeOffset? LastReadingTime)
{
    /// <summary>The state before any reading.</summary>
    public static readonly GeofenceState Initial = new(GeofenceSide.Unknown, GeofenceSide.Unknown, null, null);
}
