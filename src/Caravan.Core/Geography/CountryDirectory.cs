namespace Caravan.Core.Geography;

/// <summary>The assigned ISO 3166-1 alpha-2 codes, loaded from <c>data/reference/countries.csv</c>.</summary>
public sealed class CountryDirectory
{
    private readonly Dictionary<CountryCode, Country> _byCode;

    public CountryDirectory(IEnumerable<Country> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        _byCode = countries.ToDictionary(c => c.Code);
    }

    public IReadOnlyCollection<Country> All => _byCode.Values;

    public bool Contains(CountryCode code) => _byCode.ContainsKey(code);

    public bool TryGet(CountryCode code, out Country country) =>
        _byCode.TryGetValue(code, out country!);

    /// <summary>The English name, or the code itself when it is not in the list.</summary>
    public string NameOf(CountryCode code) => _byCode.TryGetValue(code, out var c) ? c.Name : code.Value;
}
