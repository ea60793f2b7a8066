using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Caravan.Core.Shipments;

/// <summary>
/// An ISO 6346 container number: three-letter owner code, category identifier (U, J or Z), six-digit serial
/// number and a check digit that is verified on parsing, so a mistyped number never enters the system.
/// </summary>
public readonly record struct ContainerNumber
{
    private const int Length = 11;

    private readonly string? _value;

    private ContainerNumber(string value) => _value = value;

    /// <summary>The eleven characters without spaces, e.g. <c>CSQU3054383</c>.</summary>
    public string Value => _value ?? throw new InvalidOperationException("The default ContainerNumber has no value.");

    /// <summary>The owner code registered with the BIC, e.g. <c>CSQ</c>.</summary>
    public string OwnerCode => Value[..3];

    /// <summary>U for a freight container, J for detachable freight-container-related equipment, Z for a trailer or chassis.</summary>
    public char CategoryIdentifier => Value[3];

    /// <summary>The six-digit serial number with its leading zeros, e.g. <c>305438</c>.</summary>
    public string SerialNumber => Value[4..10];

    /// <summary>The check digit, 0–9.</summary>
    public int CheckDigit => Value[10] - '0';

    /// <summary>
    /// The check digit of the first ten characters (owner code, category, serial) by ISO 6346: letter values
    /// skip multiples of 11, the value at position i is weighted 2^i, the sum is taken mod 11 and a
    /// remainder of 10 gives 0 (so such a number shares its check digit with remainder 0).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="first10"/> is not three letters A–Z, U/J/Z and six digits.</exception>
    public static int ComputeCheckDigit(string first10)
    {
        ArgumentNullException.ThrowIfNull(first10);
        if (first10.Length != 10 || DescribeFirstTenError(first10) is not null)
        {
            throw new ArgumentException($"'{first10}' is not an owner code, a category identifier and a six-digit serial number.", nameof(first10));
        }

        return CheckDigitOf(first10);
    }

    /// <summary>Builds the number for an owner code, category identifier and serial number, computing its check digit.</summary>
    /// <param name="owner">Three letters A–Z, either case.</param>
    /// <param name="category">U, J or Z, either case.</param>
    /// <param name="serial">0 to 999 999; written with leading zeros.</param>
    public static ContainerNumber Create(string owner, char category, int serial)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999_999);
        if (owner.Length != 3 || !owner.All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"The owner code '{owner}' must be three letters A–Z.", nameof(owner));
        }

        var upperCategory = char.IsAsciiLetter(category) ? char.ToUpperInvariant(category) : category;
        if (upperCategory is not ('U' or 'J' or 'Z'))
        {
            throw new ArgumentException($"The category identifier '{category}' must be U, J or Z.", nameof(category));
        }

        var first10 = string.Concat(
            owner.ToUpperInvariant(),
            upperCategory.ToString(),
            serial.ToString("D6", CultureInfo.InvariantCulture));
        return new ContainerNumber(first10 + (char)('0' + CheckDigitOf(first10)));
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out ContainerNumber number) =>
        TryParse(text, out number, out _);

    /// <summary>Parses a container number and, when it is not one, says what is wrong with it.</summary>
    /// <param name="text">
    /// Eleven characters in either case, optionally printed with a space or dash after the category letter and
    /// before the check digit (<c>CSQU 305438 3</c>, <c>CSQU305438-3</c>).
    /// </param>
    /// <param name="number">The number, normalised to eleven upper-case characters.</param>
    /// <param name="error">Null on success; otherwise one sentence naming the part at fault.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out ContainerNumber number, [NotNullWhen(false)] out string? error)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "A container number is required.";
            return false;
        }

        if (!TryCompact(text.Trim(), out var compact, out error))
        {
            return false;
        }

        if (compact.Length != Length)
        {
            error = $"'{text}' has {compact.Length} letters and digits; an ISO 6346 container number has 11 (owner code, category identifier, six-digit serial number, check digit).";
            return false;
        }

        var first10 = compact[..10];
        error = DescribeFirstTenError(first10);
        if (error is not null)
        {
            return false;
        }

        if (!char.IsAsciiDigit(compact[10]))
        {
            error = $"The check digit '{compact[10]}' must be a digit 0–9.";
            return false;
        }

        var expected = CheckDigitOf(first10);
        if (compact[10] - '0' != expected)
        {
            error = $"The check digit of {first10} is {expected}, not {compact[10]}.";
            return false;
        }

        number = new ContainerNumber(compact);
        return true;
    }

    public static ContainerNumber Parse(string text) =>
        TryParse(text, out var number, out var error) ? number : throw new FormatException(error);

    public override string ToString() => _value ?? string.Empty;

    // Removes the separators of the printed forms (one space or dash after the category letter and one before
    // the check digit) and upper-cases ASCII letters; anything else is kept for the checks that follow.
    private static bool TryCompact(string text, [NotNullWhen(true)] out string? compact, [NotNullWhen(false)] out string? error)
    {
        compact = null;
        error = null;
        var chars = new List<char>(Length);
        var previousWasSeparator = false;
        foreach (var c in text)
        {
            if (c is ' ' or '-')
            {
                if (previousWasSeparator || chars.Count is not (4 or 10))
                {
                    error = $"'{text}' has a separator out of place; a space or dash may follow the category letter and precede the check digit only.";
                    return false;
                }

                previousWasSeparator = true;
                continue;
            }

            previousWasSeparator = false;
            chars.Add(char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c);
        }

        if (previousWasSeparator)
        {
            error = $"'{text}' ends with a separator; the check digit is missing.";
            return false;
        }

        compact = new string([.. chars]);
        return true;
    }

    private static string? DescribeFirstTenError(string first10)
    {
        var owner = first10[..3];
        if (!owner.All(char.IsAsciiLetterUpper))
        {
            return $"The owner code '{owner}' must be three letters A–Z.";
        }

        if (first10[3] is not ('U' or 'J' or 'Z'))
        {
            return $"The category identifier '{first10[3]}' must be U (freight container), J (detachable equipment) or Z (trailer or chassis).";
        }

        var serial = first10[4..10];
        if (!serial.All(char.IsAsciiDigit))
        {
            return $"The serial number '{serial}' must be six digits 0–9.";
        }

        return null;
    }

    private static int CheckDigitOf(string first10)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += ValueOf(first10[i]) << i;
        }

        return sum % 11 % 10;
    }

    // ISO 6346 letter values, A to Z: from 10 upwards, skipping the multiples of 11 (11, 22, 33).
    private static ReadOnlySpan<byte> LetterValues =>
        [10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 34, 35, 36, 37, 38];

    private static int ValueOf(char c) => char.IsAsciiDigit(c) ? c - '0' : LetterValues[c - 'A'];
}
