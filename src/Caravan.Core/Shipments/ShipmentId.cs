using System.Diagnostics.CodeAnalysis;

namespace Caravan.Core.Shipments;

/// <summary>
/// The identifier of a shipment on the platform: 1 to 35 characters A–Z, 0–9 and '-' (35 is the length DCSA allows
/// for a carrier booking reference, so the id can stand in one). The server issues them as <c>CRV-</c> and ten
/// random characters.
/// </summary>
public readonly record struct ShipmentId
{
    /// <summary>The longest identifier accepted.</summary>
    public const int MaxLength = 35;

    private readonly string? _value;

    private ShipmentId(string value) => _value = value;

    /// <summary>The identifier, e.g. <c>CRV-7K3M9Q2XWD</c>.</summary>
    public string Value => _value ?? throw new InvalidOperationException("The default ShipmentId has no value.");

    /// <summary>Parses an identifier; lower-case letters are accepted and raised.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ShipmentId id)
    {
        id = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
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

        id = new ShipmentId(text.ToUpperInvariant());
        return true;
    }

    public static ShipmentId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a shipment id (1–35 of A–Z, 0–9 and '-').");

    public override string ToString() => _value ?? string.Empty;
}
