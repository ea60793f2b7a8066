using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Caravan.Cli.Output.Json;

/// <summary>Source-generated System.Text.Json metadata for every document the CLI prints: camelCase, indented.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PlanDocument))]
[JsonSerializable(typeof(NetworkSummary))]
[JsonSerializable(typeof(Simulation.SimulationSummary))]
public sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>The context with an encoder that keeps names such as Kapıkule or Łódź readable.</summary>
    public static CliJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
