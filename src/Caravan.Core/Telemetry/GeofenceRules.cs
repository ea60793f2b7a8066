namespace Caravan.Core.Telemetry;

/// <summary>
/// How a <see cref="GeofenceTracker"/> debounces GPS jitter: leaving needs a reading beyond radius × <see cref="Hysteresis"/>,
/// and either transition counts only once the new side has held for <see cref="MinimumDwell"/>.
/// </summary>
public sealed record GeofenceRules
{
    /// <summary>The rules unless configured: hysteresis 1.25, minimum dwell 10 minutes.</summary>
    public static readonly GeofenceRules Default = new();

    private readonly double _hysteresis = 1.25;
    private readonly TimeSpan _minimumDwell = TimeSpan.FromMinutes(10);

    /// <summary>The factor (≥ 1) on the radius beyond which a reading counts as outside.</summary>
    public double Hysteresis
    {
        get => _hysteresis;
        init => _hysteresis = double.IsFinite(value) && value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The hysteresis factor must be a finite number ≥ 1.");
    }

    /// <summary>How long the new side must hold, from its first reading, before a transition counts.</summary>
    public TimeSpan MinimumDwell
    {
        get => _minimumDwell;
        init => _minimumDwell = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The minimum dwell cannot be negative.");
    }
}
