using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Caravan.Core.Events;

/// <summary>
/// A shipment's chain exported as one self-contained JSON document (format <c>caravan.bundle/1</c>): the
/// entries, every public key that signed them with its party, and the platform's public key, so that
/// <c>caravan verify</c> checks it offline with nothing else. Events are embedded as their stored bytes
/// (a JSON object, or a string when the stored bytes are not JSON), so a changed byte stays changed.
/// </summary>
public sealed class EventBundle
{
    /// <summary>The value of the bundle's <c>format</c> member.</summary>
    public const string Format = "caravan.bundle/1";

    public EventBundle(string shipmentId, IReadOnlyList<ChainEntry> entries, IReadOnlyList<BundleKey> keys, EventPublicKey platformKey)
    {
        ArgumentNullException.ThrowIfNull(shipmentId);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(platformKey);
        ShipmentId = shipmentId;
        Entries = entries;
        Keys = keys;
        PlatformKey = platformKey;
    }

    public string ShipmentId { get; }

    public IReadOnlyList<ChainEntry> Entries { get; }

    /// <summary>The authors' public keys, by party.</summary>
    public IReadOnlyList<BundleKey> Keys { get; }

    public EventPublicKey PlatformKey { get; }

    /// <summary>Verifies the entries with the bundle's own keys (see <see cref="ChainVerifier"/>), and that they are the bundle's shipment's.</summary>
    public ChainVerification Verify(bool verifyAllPlatformSignatures = false)
    {
        if (Entries.Count > 0 && Entries[0].ShipmentId != ShipmentId)
        {
            var first = Entries[0];
            return new ChainVerification(0, new ChainBreak(first.Sequence, 0, first.EventId, $"the entry is for shipment {first.ShipmentId}, the bundle for {ShipmentId}"));
        }

        var keys = Keys.ToDictionary(k => (k.PartyId, k.Kid), k => k.Key);
        return ChainVerifier.Verify(
            Entries,
            (party, kid) => keys.GetValueOrDefault((party, kid)),
            PlatformKey,
            verifyAllPlatformSignatures);
    }

    /// <summary>The bundle as indented UTF-8 JSON.</summary>
    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteString("shipmentID", ShipmentId);
            writer.WritePropertyName("platformKey");
            writer.WriteRawValue(PlatformKey.ToJwk());
            writer.WriteStartArray("keys");
            foreach (var key in Keys)
            {
                writer.WriteStartObject();
                writer.WriteString("partyID", key.PartyId);
                writer.WriteString("kid", key.Kid);
                writer.WritePropertyName("jwk");
                writer.WriteRawValue(key.Key.ToJwk());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("entries");
            foreach (var entry in Entries)
            {
                WriteEntry(writer, entry);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a bundle, or lists every problem with its JSON path (<c>$.entries[2].recordedAt</c>).</summary>
    public static BundleReadResult TryRead(ReadOnlyMemory<byte> json)
    {
        if (!CanonicalJson.TryParseDocument(json, out var document, out var error))
        {
            return new BundleReadResult(null, [new EventProblem("$", error)]);
        }

        using (document)
        {
            var reader = new BundleReader();
            var bundle = reader.Read(document.RootElement);
            return bundle is not null && reader.Problems.Count == 0
                ? new BundleReadResult(bundle, [])
                : new BundleReadResult(null, reader.Problems);
        }
    }

    private static void WriteEntry(Utf8JsonWriter writer, ChainEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteNumber("sequence", entry.Sequence);
        writer.WriteString("shipmentID", entry.ShipmentId);
        writer.WriteString("eventID", entry.EventId.ToString("D"));
        writer.WritePropertyName("event");
        if (IsJsonObject(entry.EventJson))
        {
            writer.WriteRawValue(entry.EventJson.Span, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(Encoding.UTF8.GetString(entry.EventJson.Span));
        }

        writer.WriteString("authorPartyID", entry.AuthorPartyId);
        writer.WriteString("authorKid", entry.AuthorKid);
        writer.WriteString("authorSignature", entry.AuthorSignature);
        writer.WriteString("previousHash", entry.PreviousHash);
        writer.WriteString("recordedAt", ChainRecord.FormatRecordedAt(entry.RecordedAt));
        writer.WriteString("platformKid", entry.PlatformKid);
        if (entry.IsPlatformSigned)
        {
            writer.WriteString("platformSignature", entry.PlatformSignature);
        }

        writer.WriteString("entryHash", entry.EntryHash);
        writer.WriteEndObject();
    }

    private static bool IsJsonObject(ReadOnlyMemory<byte> bytes)
    {
        if (!CanonicalJson.TryParseDocument(bytes, out var document, out _))
        {
            return false;
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
    }

    /// <summary>Reads the bundle's members, collecting problems with their paths.</summary>
    private sealed class BundleReader
    {
        public List<EventProblem> Problems { get; } = [];

        public EventBundle? Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problems.Add(new EventProblem("$", "a bundle is a JSON object"));
                return null;
            }

            var format = String(root, "$", "format");
            if (format is not null && format != Format)
            {
                Problems.Add(new EventProblem("$.format", $"'{format}' is not {Format}"));
                return null;
            }

            var shipmentId = String(root, "$", "shipmentID");
            var platformKey = Key(root, "$", "platformKey");
            var keys = new List<BundleKey>();
            foreach (var (item, path) in Array(root, "$", "keys"))
            {
                var party = String(item, path, "partyID");
                var kid = String(item, path, "kid");
                var key = Key(item, path, "jwk");
                if (key is not null && kid is not null && key.Kid != kid)
                {
                    Problems.Add(new EventProblem($"{path}.kid", $"'{kid}' is not the key's id {key.Kid}"));
                }
                else if (party is not null && key is not null)
                {
                    if (keys.Any(k => k.PartyId == party && k.Kid == key.Kid))
                    {
                        Problems.Add(new EventProblem(path, $"party {party}'s key {key.Kid} is listed twice"));
                    }

                    keys.Add(new BundleKey(party, key));
                }
            }

            var entries = Array(root, "$", "entries").Select(x => Entry(x.Item, x.Path)).ToList();
            return shipmentId is null || platformKey is null || entries.Any(e => e is null) || Problems.Count > 0
                ? null
                : new EventBundle(shipmentId, entries!, keys, platformKey);
        }

        private ChainEntry? Entry(JsonElement item, string path)
        {
            var problems = Problems.Count;
            long? sequence = null;
            if (Member(item, path, "sequence", JsonValueKind.Number, "a number") is { } number)
            {
                if (number.TryGetInt64(out var value))
                {
                    sequence = value;
                }
                else
                {
                    Problems.Add(new EventProblem($"{path}.sequence", "must be a whole number"));
                }
            }

            var shipmentId = String(item, path, "shipmentID");
            Guid? eventId = null;
            if (String(item, path, "eventID") is { } idText)
            {
                if (Guid.TryParseExact(idText, "D", out var id))
                {
                    eventId = id;
                }
                else
                {
                    Problems.Add(new EventProblem($"{path}.eventID", $"'{idText}' is not a UUID"));
                }
            }

            byte[]? eventJson = null;
            if (!item.TryGetProperty("event", out var e))
            {
                Problems.Add(new EventProblem($"{path}.event", "is required"));
            }
            else
            {
                eventJson = e.ValueKind switch
                {
                    JsonValueKind.Object => Encoding.UTF8.GetBytes(e.GetRawText()),
                    JsonValueKind.String => Encoding.UTF8.GetBytes(e.GetString()!),
                    _ => null,
                };
                if (eventJson is null)
                {
                    Problems.Add(new EventProblem($"{path}.event", "must be the event's JSON object"));
                }
            }

            var authorParty = String(item, path, "authorPartyID");
            var authorKid = String(item, path, "authorKid");
            var authorSignature = String(item, path, "authorSignature");
            var previousHash = String(item, path, "previousHash");
            DateTimeOffset? recordedAt = null;
            if (String(item, path, "recordedAt") is { } timeText)
            {
                if (DateTimeOffset.TryParseExact(timeText, ChainRecord.RecordedAtFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
                {
                    recordedAt = time;
                }
                else
                {
                    Problems.Add(new EventProblem($"{path}.recordedAt", $"'{timeText}' is not a UTC time like 2026-03-02T00:15:00.0000000Z"));
                }
            }

            var platformKid = String(item, path, "platformKid");
            // Absent on an entry that a later entry of the same write follows: the platform signs the last one.
            var platformSignature = item.TryGetProperty("platformSignature", out _) ? String(item, path, "platformSignature") : string.Empty;
            var entryHash = String(item, path, "entryHash");
            return Problems.Count > problems
                ? null
                : new ChainEntry(sequence!.Value, shipmentId!, eventId!.Value, eventJson!, authorParty!, authorKid!, authorSignature!, previousHash!, recordedAt!.Value, platformKid!, platformSignature!, entryHash!);
        }

        private EventPublicKey? Key(JsonElement parent, string path, string name)
        {
            if (Member(parent, path, name, JsonValueKind.Object, "a JWK object") is not { } jwk)
            {
                return null;
            }

            if (!EventPublicKey.TryParse(jwk.GetRawText(), out var key, out var error))
            {
                Problems.Add(new EventProblem($"{path}.{name}", error));
            }

            return key;
        }

        private string? String(JsonElement parent, string path, string name) =>
            Member(parent, path, name, JsonValueKind.String, "a string")?.GetString();

        private IEnumerable<(JsonElement Item, string Path)> Array(JsonElement parent, string path, string name)
        {
            if (Member(parent, path, name, JsonValueKind.Array, "an array") is not { } array)
            {
                return [];
            }

            var items = new List<(JsonElement, string)>();
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var itemPath = $"{path}.{name}[{index++}]";
                if (item.ValueKind == JsonValueKind.Object)
                {
                    items.Add((item, itemPath));
                }
                else
                {
                    Problems.Add(new EventProblem(itemPath, "must be an object"));
                }
            }

            return items;
        }

        private JsonElement? Member(JsonElement parent, string path, string name, JsonValueKind kind, string what)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                Problems.Add(new EventProblem($"{path}.{name}", "is required"));
                return null;
            }

            if (value.ValueKind != kind)
            {
                Problems.Add(new EventProblem($"{path}.{name}", $"must be {what}"));
                return null;
            }

            return value;
        }
    }
}
