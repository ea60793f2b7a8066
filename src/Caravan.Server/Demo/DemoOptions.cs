namespace Caravan.Server.Demo;

/// <summary>
/// The demo: when <see cref="Enabled"/>, the first start on an empty data directory seeds demo parties and shipments
/// with their event histories, so a new user sees a living record. Bound from <c>Caravan:Demo</c>;
/// <c>caravan serve --demo</c> sets <c>Caravan:Demo:Enabled=true</c>.
/// </summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Caravan:Demo";

    /// <summary>The file in the data directory that receives the demo parties' tokens (party id → token).</summary>
    public const string TokensFileName = "demo-tokens.json";

    /// <summary>Whether to seed the demo at start (once per data directory).</summary>
    public bool Enabled { get; set; }

    /// <summary>The seed of the demo story: shipment ids, references, container numbers and small delays follow from it.</summary>
    public int Seed { get; set; } = 2026;

    /// <summary>What is wrong with these options, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems() =>
        Seed < 0 ? [$"{SectionName}:Seed must be 0 or greater, not {Seed}."] : [];
}
