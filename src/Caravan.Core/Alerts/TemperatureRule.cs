using System.Globalization;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;

namespace Caravan.Core.Alerts;

/// <summary>
/// A reefer's temperature against the shipment's booked range: Raised outside [min, max], Clear only once back
/// inside by the band (within [min + band, max − band]), so a controller hovering at a limit does not flap.
/// Readings without a temperature say nothing.
/// </summary>
public sealed class TemperatureRule : IReadingRule
{
    private readonly double _clearBandC;

    public TemperatureRule(TemperatureRange range, double bandC, AlertLatch latch)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(latch);
        if (!double.IsFinite(bandC) || bandC < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bandC), bandC, "The band must be a finite number of degrees ≥ 0.");
        }

        Range = range;
        Latch = latch;
        _clearBandC = Math.Min(bandC, (range.MaxC - range.MinC) / 2);
    }

    public AlertKind Kind => AlertKind.TemperatureExcursion;

    public AlertLatch Latch { get; }

    /// <summary>The shipment's booked range.</summary>
    public TemperatureRange Range { get; }

    public AlertObservation Judge(TrackerReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.TemperatureC is not { } t)
        {
            return AlertObservation.Silent;
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"{t:0.0#} °C; the booked range is {Range}.");
        if (t < Range.MinC || t > Range.MaxC)
        {
            return new(AlertLevel.Raised, detail);
        }

        return t >= Range.MinC + _clearBandC && t <= Range.MaxC - _clearBandC
            ? new(AlertLevel.Clear, detail)
            : AlertObservation.Silent;
    }
}
