using Caravan.Core.Alerts;

namespace Caravan.Server.Alerts;

/// <summary>
/// The thresholds and timings of the telemetry alert rules (Core's <see cref="AlertRules"/>) and how often device
/// silence is checked. Bound from <c>Caravan:Alerts</c>; the defaults are <see cref="AlertRules.Default"/>'s.
/// </summary>
public sealed class AlertOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Caravan:Alerts";

    public double TemperatureBandC { get; set; } = AlertRules.Default.TemperatureBandC;

    public TimeSpan TemperatureOpenAfter { get; set; } = AlertRules.Default.TemperatureOpenAfter;

    public TimeSpan TemperatureResolveAfter { get; set; } = AlertRules.Default.TemperatureResolveAfter;

    public double ShockThresholdG { get; set; } = AlertRules.Default.ShockThresholdG;

    public TimeSpan ShockResolveAfter { get; set; } = AlertRules.Default.ShockResolveAfter;

    public double DoorHysteresis { get; set; } = AlertRules.Default.DoorHysteresis;

    public TimeSpan DoorOpenAfter { get; set; } = AlertRules.Default.DoorOpenAfter;

    public double DeviationToleranceKm { get; set; } = AlertRules.Default.DeviationToleranceKm;

    public TimeSpan DeviationOpenAfter { get; set; } = AlertRules.Default.DeviationOpenAfter;

    public TimeSpan DeviationResolveAfter { get; set; } = AlertRules.Default.DeviationResolveAfter;

    /// <summary>A device's silence timeout unless one is set for it (default 3 hours).</summary>
    public TimeSpan DefaultSilenceTimeout { get; set; } = AlertRules.Default.DefaultSilenceTimeout;

    /// <summary>How often bound devices are checked for silence (default 1 minute).</summary>
    public TimeSpan SilenceCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The rules as Core takes them.</summary>
    public AlertRules ToRules() => new()
    {
        TemperatureBandC = TemperatureBandC,
        TemperatureOpenAfter = TemperatureOpenAfter,
        TemperatureResolveAfter = TemperatureResolveAfter,
        ShockThresholdG = ShockThresholdG,
        ShockResolveAfter = ShockResolveAfter,
        DoorHysteresis = DoorHysteresis,
        DoorOpenAfter = DoorOpenAfter,
        DeviationToleranceKm = DeviationToleranceKm,
        DeviationOpenAfter = DeviationOpenAfter,
        DeviationResolveAfter = DeviationResolveAfter,
        DefaultSilenceTimeout = DefaultSilenceTimeout,
    };

    /// <summary>What is wrong with these options, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Positive(string name, double value)
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                problems.Add($"{SectionName}:{name} must be a positive number, not {value}.");
            }
        }

        void NotNegative(string name, TimeSpan value)
        {
            if (value < TimeSpan.Zero)
            {
                problems.Add($"{SectionName}:{name} cannot be negative.");
            }
        }

        Positive(nameof(ShockThresholdG), ShockThresholdG);
        Positive(nameof(DeviationToleranceKm), DeviationToleranceKm);
        if (!double.IsFinite(TemperatureBandC) || TemperatureBandC < 0)
        {
            problems.Add($"{SectionName}:{nameof(TemperatureBandC)} must be a number ≥ 0, not {TemperatureBandC}.");
        }

        if (!double.IsFinite(DoorHysteresis) || DoorHysteresis < 1)
        {
            problems.Add($"{SectionName}:{nameof(DoorHysteresis)} must be a number ≥ 1, not {DoorHysteresis}.");
        }

        NotNegative(nameof(TemperatureOpenAfter), TemperatureOpenAfter);
        NotNegative(nameof(TemperatureResolveAfter), TemperatureResolveAfter);
        NotNegative(nameof(ShockResolveAfter), ShockResolveAfter);
        NotNegative(nameof(DoorOpenAfter), DoorOpenAfter);
        NotNegative(nameof(DeviationOpenAfter), DeviationOpenAfter);
        NotNegative(nameof(DeviationResolveAfter), DeviationResolveAfter);
        if (DefaultSilenceTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(DefaultSilenceTimeout)} must be positive.");
        }

        if (SilenceCheckInterval < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{SectionName}:{nameof(SilenceCheckInterval)} must be at least one second.");
        }

        return problems;
    }
}
