using System.Diagnostics.CodeAnalysis;

namespace Caravan.Core.Shipments;

/// <summary>
/// The identifier of a party on the platform: 2 to 64 characters, lower-case letters a–z, digits and hyphens,
/// starting with a letter or digit (<c>ktz</c>, <c>cn-xian-forwarding</c>). Short and readable because it appears
/// in URLs, in event authorship and in signed bundles.
/// </summary>
public readonly record struct PartyId
{
    /// <summary>The longest identifier accepted.</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    private PartyId(string value) => _value = value;

    /// <summary>The identifier, e.g. <c>ktz</c>.</summary>
    public string Value => _value ?? throw new InvalidOperationException("The default PartyId has no value.");

    /// <summary>Parses an identifier; upper-case letters are accepted and lowered.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PartyId id)
    {
        id = default;
        if (text is null || text.Length is < 2 or > MaxLength || text[0] == '-' || text[^1] == '-')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        id = new PartyId(text.ToLowerInvariant());
        return true;
    }

    public static PartyId Parse(string text) =>
        TryParse(text, out var id)
            ? id
            : throw new FormatException($"'{text}' is not a party id (2–64 of a–z, 0–9 and '-', not starting or ending with '-').");

    public override string ToString() => _value ?? string.Empty;
}
