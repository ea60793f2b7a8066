using Caravan.Core.Telemetry;

namespace Caravan.Server.Retention;

/// <summary>
/// Retention of tracker readings: the default policy for parties without their own (set by the operator with
/// <c>PUT /api/parties/{id}/retention</c>), which readings downsampling always keeps, and how the retention worker
/// paces itself. Bound from <c>Caravan:Retention</c>.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Caravan:Retention";

    /// <summary>Whether the retention worker runs at all; off, every reading is kept as sent.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Default: days a reading is kept as sent.</summary>
    public int FullRateDays { get; set; } = 30;

    /// <summary>Default: after <see cref="FullRateDays"/>, one reading per device per this many minutes is kept, besides the notable ones.</summary>
    public int DownsampleMinutes { get; set; } = 10;

    /// <summary>Default: days after which readings are deleted; null (the default) keeps the downsampled past for good.</summary>
    public int? DeleteAfterDays { get; set; }

    /// <summary>How often the worker applies the policies (first at start-up).</summary>
    public TimeSpan RunInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Readings read, and at most deleted, in one step: one small write through the single writer.</summary>
    public int ChunkReadings { get; set; } = 5_000;

    /// <summary>Downsampling keeps every reading with a shock at or above this (g); the shock alert's default threshold.</summary>
    public double KeepShockG { get; set; } = 4;

    /// <summary>Downsampling keeps every reading whose temperature moved this far (°C) from the last one kept.</summary>
    public double KeepTemperatureStepC { get; set; } = 1;

    /// <summary>The policy of parties without their own.</summary>
    public RetentionPolicy Default => RetentionPolicy.Create(FullRateDays, DownsampleMinutes, DeleteAfterDays);

    /// <summary>What is wrong with these options, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        _ = RetentionPolicy.TryCreate(FullRateDays, DownsampleMinutes, DeleteAfterDays, out var policy);
        problems.AddRange(policy.Select(p => $"{SectionName}:{char.ToUpperInvariant(p.Field[0])}{p.Field[1..]}: {p.Message}"));
        if (RunInterval < TimeSpan.FromSeconds(1) || RunInterval > TimeSpan.FromDays(7))
        {
            problems.Add($"{SectionName}:RunInterval must be from 1 second to 7 days, not {RunInterval}.");
        }

        if (ChunkReadings is < 1 or > 100_000)
        {
            problems.Add($"{SectionName}:ChunkReadings must be from 1 to 100000, not {ChunkReadings}.");
        }

        if (!double.IsFinite(KeepShockG) || KeepShockG is <= 0 or > 200)
        {
            problems.Add($"{SectionName}:KeepShockG must be more than 0 and at most 200 g, not {KeepShockG}.");
        }

        if (!double.IsFinite(KeepTemperatureStepC) || KeepTemperatureStepC is <= 0 or > 100)
        {
            problems.Add($"{SectionName}:KeepTemperatureStepC must be more than 0 and at most 100 °C, not {KeepTemperatureStepC}.");
        }

        return problems;
    }
}
