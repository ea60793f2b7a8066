using System.Globalization;
using Caravan.Core.Telemetry;

namespace Caravan.Core.Alerts;

/// <summary>
/// The door open away from every terminal of the itinerary: Raised when the door is open and the container is beyond
/// radius × hysteresis of every terminal's geofence; Clear when the door is closed, or open within a terminal's
/// radius (where doors are opened); readings in the band, or without a door state, say nothing — the same Schmitt
/// trigger as GeofenceTracker, so a reading jittering at a boundary does not flap.
/// </summary>
public sealed class DoorRule : IReadingRule
{
    private readonly double _hysteresis;

    public DoorRule(IReadOnlyList<TerminalGeofence> terminals, double hysteresis, AlertLatch latch)
    {
        ArgumentNullException.ThrowIfNull(terminals);
        ArgumentNullException.ThrowIfNull(latch);
        if (!double.IsFinite(hysteresis) || hysteresis < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(hysteresis), hysteresis, "The hysteresis factor must be a finite number ≥ 1.");
        }

        Terminals = terminals;
        Latch = latch;
        _hysteresis = hysteresis;
    }

    public AlertKind Kind => AlertKind.DoorOpenedEnRoute;

    public AlertLatch Latch { get; }

    /// <summary>The geofences of the terminals where the door may be opened.</summary>
    public IReadOnlyList<TerminalGeofence> Terminals { get; }

    public AlertObservation Judge(TrackerReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        switch (reading.Door)
        {
            case null:
                return AlertObservation.Silent;
            case DoorState.Closed:
                return new(AlertLevel.Clear, "The door is closed.");
        }

        if (Terminals.Count == 0)
        {
            return new(AlertLevel.Raised, $"The door was opened at {reading.Position}.");
        }

        var nearest = Terminals.Select(t => (Fence: t, Distance: t.DistanceM(reading.Position))).MinBy(t => t.Distance / t.Fence.RadiusM);
        if (nearest.Distance <= nearest.Fence.RadiusM)
        {
            return new(AlertLevel.Clear, $"The door is open at terminal {nearest.Fence.Terminal}.");
        }

        if (nearest.Distance <= nearest.Fence.RadiusM * _hysteresis)
        {
            return AlertObservation.Silent;
        }

        return new(AlertLevel.Raised, string.Create(
            CultureInfo.InvariantCulture, $"The door was opened at {reading.Position}, {nearest.Distance / 1000:0.#} km from the nearest terminal ({nearest.Fence.Terminal})."));
    }
}
