using System.Globalization;
using Caravan.Core.Telemetry;

namespace Caravan.Core.Alerts;

/// <summary>
/// A peak acceleration above the threshold: Raised above <see cref="ThresholdG"/>, Clear below
/// <see cref="ThresholdG"/> × the clear fraction. A shock is a moment, so its alert resolves after a quiet spell
/// (the latch's resolve time). Readings without a shock value say nothing.
/// </summary>
public sealed class ShockRule : IReadingRule
{
    private readonly double _clearBelowG;

    public ShockRule(double thresholdG, double clearFraction, AlertLatch latch)
    {
        ArgumentNullException.ThrowIfNull(latch);
        if (!double.IsFinite(thresholdG) || thresholdG <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdG), thresholdG, "The threshold must be a positive number of g.");
        }

        if (!double.IsFinite(clearFraction) || clearFraction is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(clearFraction), clearFraction, "The clear fraction must be in (0, 1].");
        }

        ThresholdG = thresholdG;
        Latch = latch;
        _clearBelowG = thresholdG * clearFraction;
    }

    public AlertKind Kind => AlertKind.Shock;

    public AlertLatch Latch { get; }

    /// <summary>The peak acceleration, in g, above which a reading raises the alert.</summary>
    public double ThresholdG { get; }

    public AlertObservation Judge(TrackerReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.ShockG is not { } g)
        {
            return AlertObservation.Silent;
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"A shock of {g:0.0#} g; the threshold is {ThresholdG:0.0#} g.");
        return g > ThresholdG ? new(AlertLevel.Raised, detail)
            : g < _clearBelowG ? new(AlertLevel.Clear, detail)
            : AlertObservation.Silent;
    }
}
