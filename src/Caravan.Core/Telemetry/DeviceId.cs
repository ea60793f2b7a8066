using System.Diagnostics.CodeAnalysis;

namespace Caravan.Core.Telemetry;

/// <summary>
/// A tracker's identifier: 1–64 characters of <c>A–Z a–z 0–9 - _ .</c>, compared ordinally (case-sensitive),
/// so it is safe as an MQTT topic level and a URL path segment.
/// </summary>
public readonly record struct DeviceId
{
    /// <summary>The longest identifier accepted, in characters.</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    private DeviceId(string value) => _value = value;

    /// <summary>The identifier as given.</summary>
    public string Value => _value ?? throw new InvalidOperationException("The default DeviceId has no value.");

    public static bool TryParse([NotNullWhen(true)] string? text, out DeviceId id)
    {
        id = default;
        if (text is null || text.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        id = new DeviceId(text);
        return true;
    }

    public static DeviceId Parse(string text) =>
        TryParse(text, out var id)
            ? id
            : throw new FormatException($"'{text}' is not a device id (1–{MaxLength} characters of A–Z, a–z, 0–9, '-', '_', '.').");

    public override string ToString() => _value ?? string.Empty;
}
