using System.Diagnostics.CodeAnalysis;

namespace Caravan.Core.Geography;

/// <summary>
/// An ISO 3166-1 alpha-2 country code in its shape (two letters A–Z). Whether the code is assigned is a
/// question for the country list (<see cref="CountryDirectory"/>), not for the value.
/// </summary>
public readonly record struct CountryCode
{
    private readonly string? _value;

    private CountryCode(string value) => _value = value;

    /// <summary>The two upper-case letters.</summary>
    public string Value => _value ?? throw new InvalidOperationException("The default CountryCode has no value.");

    public static bool TryParse([NotNullWhen(true)] string? text, out CountryCode code)
    {
        code = default;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Length != 2 || !char.IsAsciiLetter(trimmed[0]) || !char.IsAsciiLetter(trimmed[1]))
        {
            return false;
        }

        code = new CountryCode(trimmed.ToUpperInvariant());
        return true;
    }

    public static CountryCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new FormatException($"'{text}' is not an ISO 3166-1 alpha-2 country code.");

    public override string ToString() => _value ?? string.Empty;
}
