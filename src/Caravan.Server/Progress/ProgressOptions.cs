using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Telemetry;

namespace Caravan.Server.Progress;

/// <summary>
/// How the progress worker turns readings into events and estimates: geofence radii (by terminal kind and per
/// terminal), the hysteresis and minimum dwell, and how far the ETA must move before a new estimate is written.
/// Bound from <c>Caravan:Progress</c>; docs/telemetry.md "Progress".
/// </summary>
public sealed class ProgressOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Caravan:Progress";

    /// <summary>Whether the worker follows readings at all (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Geofence radius in metres by terminal kind as the network data names it (<c>ferry_port</c>), over the defaults.</summary>
    public Dictionary<string, double> RadiusM { get; set; } = [];

    /// <summary>Geofence radius in metres for single terminals by LOCODE (<c>KZAKT</c>), over the kind's.</summary>
    public Dictionary<string, double> TerminalRadiusM { get; set; } = [];

    /// <summary>Leaving needs a reading beyond radius × this factor (≥ 1; default 1.25).</summary>
    public double Hysteresis { get; set; } = GeofenceRules.Default.Hysteresis;

    /// <summary>Minutes the new side must hold before an arrival or departure counts (default 10).</summary>
    public double MinimumDwellMinutes { get; set; } = GeofenceRules.Default.MinimumDwell.TotalMinutes;

    /// <summary>Minutes the P50 at the next terminal or the destination must move before a new EST event is written (default 120).</summary>
    public double EtaThresholdMinutes { get; set; } = 120;

    /// <summary>The hysteresis and minimum dwell as rules.</summary>
    public GeofenceRules Rules() => new() { Hysteresis = Hysteresis, MinimumDwell = TimeSpan.FromMinutes(MinimumDwellMinutes) };

    /// <summary>The radii: defaults, then the kinds and terminals configured.</summary>
    public GeofenceRadii Radii()
    {
        var byKind = new Dictionary<TerminalKind, double>(GeofenceRadii.Default.ByKind);
        foreach (var (name, radius) in RadiusM)
        {
            byKind[KindOf(name)!.Value] = radius;
        }

        return GeofenceRadii.Default with
        {
            ByKind = byKind,
            ByTerminal = TerminalRadiusM.ToDictionary(p => Locode.Parse(p.Key), p => p.Value),
        };
    }

    /// <summary>What is wrong with these options, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, radius) in RadiusM)
        {
            if (KindOf(name) is null)
            {
                problems.Add($"{SectionName}:RadiusM:{name} is not a terminal kind ({string.Join(", ", Enum.GetNames<TerminalKind>())}, or as the data writes them: ferry_port).");
            }

            CheckRadius(problems, $"RadiusM:{name}", radius);
        }

        foreach (var (code, radius) in TerminalRadiusM)
        {
            if (!Locode.TryParse(code, out _))
            {
                problems.Add($"{SectionName}:TerminalRadiusM:{code} is not a UN/LOCODE (2 letters and 3 of A–Z, 2–9).");
            }

            CheckRadius(problems, $"TerminalRadiusM:{code}", radius);
        }

        if (!double.IsFinite(Hysteresis) || Hysteresis is < 1 or > 10)
        {
            problems.Add($"{SectionName}:Hysteresis must be from 1 to 10, not {Hysteresis}.");
        }

        if (!double.IsFinite(MinimumDwellMinutes) || MinimumDwellMinutes is < 0 or > 24 * 60)
        {
            problems.Add($"{SectionName}:MinimumDwellMinutes must be from 0 to 1440, not {MinimumDwellMinutes}.");
        }

        if (!double.IsFinite(EtaThresholdMinutes) || EtaThresholdMinutes is < 0 or > 30 * 24 * 60)
        {
            problems.Add($"{SectionName}:EtaThresholdMinutes must be from 0 to 43200, not {EtaThresholdMinutes}.");
        }

        return problems;
    }

    private static void CheckRadius(List<string> problems, string key, double radius)
    {
        if (!double.IsFinite(radius) || radius is < 50 or > 100_000)
        {
            problems.Add($"{SectionName}:{key} must be a radius from 50 to 100000 metres, not {radius}.");
        }
    }

    private static TerminalKind? KindOf(string name) =>
        Enum.TryParse<TerminalKind>(name.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind)
        && Enum.IsDefined(kind) && !name.Any(char.IsDigit)
            ? kind
            : null;
}
