using System.Diagnostics.CodeAnalysis;

namespace Caravan.Core.Shipments;

/// <summary>
/// A Harmonized System commodity code: the six digits of the WCO nomenclature (chapter, heading, subheading),
/// optionally extended by national digits to 8 or 10. Accepts the printed forms with dots or spaces
/// (<c>8471.30</c>, <c>8471 30 00</c>) and keeps the digits only.
/// </summary>
public readonly record struct HsCode
{
    private readonly string? _value;

    private HsCode(string value) => _value = value;

    /// <summary>The 6, 8 or 10 digits without separators, e.g. <c>847130</c>.</summary>
    public string Value => _value ?? throw new InvalidOperationException("The default HsCode has no value.");

    /// <summary>The first two digits, e.g. <c>84</c> (nuclear reactors, boilers, machinery).</summary>
    public string Chapter => Value[..2];

    /// <summary>The first four digits, e.g. <c>8471</c>.</summary>
    public string Heading => Value[..4];

    /// <summary>The first six digits, the level shared by every country that uses the HS, e.g. <c>847130</c>.</summary>
    public string Subheading => Value[..6];

    /// <summary>
    /// Parses 6, 8 or 10 digits; a single dot or space may stand between two digits. Chapter 00 does not exist
    /// and is rejected.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out HsCode code)
    {
        code = default;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        Span<char> digits = stackalloc char[10];
        var count = 0;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = c;
            }
            else if (c is not ('.' or ' ') || i == 0 || i == trimmed.Length - 1 || !char.IsAsciiDigit(trimmed[i - 1]))
            {
                // A separator may only stand between two digits: the next character is checked on the next
                // iteration, where a second separator fails because its predecessor is not a digit.
                return false;
            }
        }

        if (count is not (6 or 8 or 10) || digits[..2] is "00")
        {
            return false;
        }

        code = new HsCode(new string(digits[..count]));
        return true;
    }

    public static HsCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new FormatException($"'{text}' is not an HS code (6, 8 or 10 digits, e.g. 8471.30).");

    public override string ToString() => _value ?? string.Empty;
}
