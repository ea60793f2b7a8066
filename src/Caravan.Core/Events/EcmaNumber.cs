using System.Globalization;

namespace Caravan.Core.Events;

/// <summary>
/// Writes a double as ECMAScript's <c>Number.prototype.toString</c> does (ECMA-262 §6.1.6.1.20), which is how
/// RFC 8785 §3.2.2.3 serialises numbers: the shortest digits that round-trip, placed by the ES rules.
/// </summary>
internal static class EcmaNumber
{
    /// <summary>The ES text of a finite double; −0 is written "0".</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no NaN or Infinity.");
        }

        if (value == 0)
        {
            return "0";
        }

        // .NET's "R" gives the shortest round-trip digits (like ES), but places them by its own rules
        // ("1E+21", "1.5E-07", "123.45"); take the digits and the decimal exponent and place them again.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = dot < 0 ? text : text[..dot];
        var digits = dot < 0 ? text : string.Concat(integerDigits, text.AsSpan(dot + 1));

        // value = 0.digits × 10^n, with digits free of leading and trailing zeros (ES: s, k and n).
        var n = integerDigits.Length + exponent;
        var leading = 0;
        while (digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        n -= leading;
        var k = digits.Length;

        var body = n switch
        {
            _ when k <= n && n <= 21 => digits + new string('0', n - k),
            > 0 and <= 21 => string.Concat(digits.AsSpan(0, n), ".", digits.AsSpan(n)),
            > -6 and <= 0 => "0." + new string('0', -n) + digits,
            _ => Scientific(digits, n - 1),
        };
        return negative ? "-" + body : body;
    }

    private static string Scientific(string digits, int exponent)
    {
        var sign = exponent < 0 ? "-" : "+";
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return digits.Length == 1
            ? $"{digits}e{sign}{magnitude}"
            : $"{digits[0]}.{digits[1..]}e{sign}{magnitude}";
    }
}
