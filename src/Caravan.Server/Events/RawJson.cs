using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Caravan.Server.Events;

/// <summary>
/// Stored JSON written into a response byte for byte (an event's canonical form stays canonical, with no re-escaping);
/// bytes that are not JSON — only a damaged store has them — are written as a string, as a bundle does.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson(ReadOnlyMemory<byte> utf8)
{
    private bool _isKnownJson;

    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    /// <summary>
    /// JSON this process has just written itself (an event's canonical form, canonicalised on the way in), written
    /// without reading it through once more to check that it is JSON.
    /// </summary>
    public static RawJson Known(ReadOnlyMemory<byte> utf8) => new(utf8) { _isKnownJson = true };

    /// <summary>Writes <paramref name="utf8"/> as a JSON value.</summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (IsJson(utf8))
        {
            writer.WriteRawValue(utf8, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(Encoding.UTF8.GetString(utf8));
        }
    }

    private static bool IsJson(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
            }

            return reader.BytesConsumed == utf8.Length && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed class RawJsonConverter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return new RawJson(Encoding.UTF8.GetBytes(document.RootElement.GetRawText()));
        }

        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options)
        {
            if (value._isKnownJson)
            {
                writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
            }
            else
            {
                RawJson.Write(writer, value.Utf8.Span);
            }
        }
    }
}
