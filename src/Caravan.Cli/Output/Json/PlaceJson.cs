namespace Caravan.Cli.Output.Json;

/// <summary>A terminal in plan JSON: its UN/LOCODE, name and ISO 3166-1 alpha-2 country.</summary>
public sealed record PlaceJson(string Locode, string Name, string Country);
