namespace Caravan.Core.Alerts;

/// <summary>
/// The thresholds and timings of the telemetry alert rules, with defaults that suit container trackers reporting every
/// few minutes to an hour. Each rule has a value hysteresis (a band where a reading says nothing) and a time
/// hysteresis (how long a condition must hold before the alert opens or resolves), so no alert flaps.
/// </summary>
public sealed record AlertRules
{
    /// <summary>The fraction of a threshold a value must fall below to count as clear (shock, deviation).</summary>
    public const double ClearFraction = 0.8;

    /// <summary>The rules unless configured.</summary>
    public static readonly AlertRules Default = new();

    /// <summary>Degrees inside the booked range a temperature must be back by to count as clear (default 0.5 °C).</summary>
    public double TemperatureBandC { get; init; } = 0.5;

    /// <summary>How long an excursion must last before the alert opens (default 10 minutes: a door opened at a check is not one).</summary>
    public TimeSpan TemperatureOpenAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the temperature must be back in range before the alert resolves (default 10 minutes).</summary>
    public TimeSpan TemperatureResolveAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Peak acceleration, g, above which a reading is a shock (default 4 g).</summary>
    public double ShockThresholdG { get; init; } = 4;

    /// <summary>How long readings must stay below 80 % of the threshold before a shock alert resolves (default 1 hour).</summary>
    public TimeSpan ShockResolveAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The factor on a terminal's radius beyond which an open door is en route (default 1.25, as the geofences).</summary>
    public double DoorHysteresis { get; init; } = 1.25;

    /// <summary>How long the door must stay open en route before the alert opens (default 2 minutes).</summary>
    public TimeSpan DoorOpenAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How far beyond a leg's allowance the container may stray, km (default 50).</summary>
    public double DeviationToleranceKm { get; init; } = 50;

    /// <summary>How long the container must be off the corridor before the alert opens (default 30 minutes).</summary>
    public TimeSpan DeviationOpenAfter { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long it must be back within 80 % of the tolerance before the alert resolves (default 30 minutes).</summary>
    public TimeSpan DeviationResolveAfter { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A device's silence timeout unless one is set for it (default 3 hours).</summary>
    public TimeSpan DefaultSilenceTimeout { get; init; } = TimeSpan.FromHours(3);
}
