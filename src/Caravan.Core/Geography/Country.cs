namespace Caravan.Core.Geography;

/// <summary>A country from the ISO 3166-1 list with its Shanghai Cooperation Organisation status.</summary>
public sealed record Country(CountryCode Code, string Name, ScoStatus ScoStatus);
