namespace Caravan.Cli.Output;

/// <summary>How many terminals of each kind (CSV word) a country has.</summary>
public sealed record CountryTerminals(string Country, string Name, IReadOnlyDictionary<string, int> Kinds, int Total);
