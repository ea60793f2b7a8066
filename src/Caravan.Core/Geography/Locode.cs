using System.Diagnostics.CodeAnalysis;

namespace Caravan.Core.Geography;

/// <summary>
/// A UN/LOCODE: an ISO 3166-1 alpha-2 country code followed by three characters A–Z or 2–9
/// (UNECE; DCSA pattern <c>^[A-Z]{2}[A-Z2-9]{3}$</c>). Accepts the printed form with a space ("GE PTI").
/// </summary>
public readonly record struct Locode
{
    private readonly string? _value;

    private Locode(string value) => _value = value;

    /// <summary>The five-character code without a space, e.g. <c>GEPTI</c>.</summary>
    public string Value => _value ?? throw new InvalidOperationException("The default Locode has no value.");

    /// <summary>The country part of the code.</summary>
    public CountryCode Country => CountryCode.Parse(Value[..2]);

    public static bool TryParse([NotNullWhen(true)] string? text, out Locode locode)
    {
        locode = default;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 6 && trimmed[2] == ' ')
        {
            trimmed = string.Concat(trimmed.AsSpan(0, 2), trimmed.AsSpan(3));
        }

        if (trimmed.Length != 5)
        {
            return false;
        }

        Span<char> upper = stackalloc char[5];
        for (var i = 0; i < 5; i++)
        {
            var c = char.ToUpperInvariant(trimmed[i]);
            var valid = i < 2 ? c is >= 'A' and <= 'Z' : c is (>= 'A' and <= 'Z') or (>= '2' and <= '9');
            if (!valid)
            {
                return false;
            }

            upper[i] = c;
        }

        locode = new Locode(new string(upper));
        return true;
    }

    public static Locode Parse(string text) =>
        TryParse(text, out var locode)
            ? locode
            : throw new FormatException($"'{text}' is not a UN/LOCODE (two letters, then three of A–Z or 2–9).");

    public override string ToString() => _value ?? string.Empty;
}
