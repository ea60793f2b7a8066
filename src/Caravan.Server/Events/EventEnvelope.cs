using System.Runtime.InteropServices;
using System.Text.Json;
using Caravan.Server.Errors;

namespace Caravan.Server.Events;

/// <summary>
/// Reads posted envelopes — <c>{"event": {…}, "signature": "…"}</c>, alone or as <c>{"events": [envelope, …]}</c> —
/// keeping each event's bytes exactly as sent, since the signature is checked against them.
/// </summary>
internal static class EventEnvelope
{
    public static IReadOnlyList<(ReadOnlyMemory<byte> EventJson, string Signature)>? ReadOne(ReadOnlyMemory<byte> body, FieldErrors errors) =>
        Read(body, errors, batch: false);

    public static IReadOnlyList<(ReadOnlyMemory<byte> EventJson, string Signature)>? ReadBatch(ReadOnlyMemory<byte> body, FieldErrors errors) =>
        Read(body, errors, batch: true);

    private static List<(ReadOnlyMemory<byte> EventJson, string Signature)>? Read(ReadOnlyMemory<byte> body, FieldErrors errors, bool batch)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            errors.Add("$", $"The body is not JSON: {e.Message.Split(" Path:")[0]}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            var envelopes = new List<(ReadOnlyMemory<byte> EventJson, string Signature)>();
            if (!batch)
            {
                ReadEnvelope(body, root, index: null, errors, envelopes);
            }
            else if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                errors.Add("$.events", "A batch is {\"events\": [{\"event\": {…}, \"signature\": \"…\"}, …]}.");
            }
            else
            {
                foreach (var member in root.EnumerateObject().Where(m => m.Name != "events"))
                {
                    errors.Add($"$.{member.Name}", "This field is not part of the request; remove it.");
                }

                if (list.GetArrayLength() is 0 or > EventRecorder.MaxBatchSize)
                {
                    errors.Add("$.events", $"A batch holds 1 to {EventRecorder.MaxBatchSize} events, not {list.GetArrayLength()}.");
                }
                else
                {
                    var i = 0;
                    foreach (var envelope in list.EnumerateArray())
                    {
                        ReadEnvelope(body, envelope, i++, errors, envelopes);
                    }
                }
            }

            return errors.Any ? null : envelopes;
        }
    }

    // index is the envelope's place in a batch (null for a single envelope); its path is written only for an error.
    private static void ReadEnvelope(ReadOnlyMemory<byte> body, JsonElement envelope, int? index, FieldErrors errors, List<(ReadOnlyMemory<byte> EventJson, string Signature)> envelopes)
    {
        string Path() => index is { } i ? $"$.events[{i}]" : "$";
        if (envelope.ValueKind != JsonValueKind.Object)
        {
            errors.Add(Path(), "An envelope is {\"event\": {…}, \"signature\": \"…\"}, as 'caravan event sign' prints it.");
            return;
        }

        ReadOnlyMemory<byte>? eventJson = null;
        string? signature = null;
        foreach (var member in envelope.EnumerateObject())
        {
            if (member.NameEquals("event"u8))
            {
                if (member.Value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{Path()}.event", "The event is a JSON object.");
                    return;
                }

                eventJson = Within(body, JsonMarshal.GetRawUtf8Value(member.Value));
            }
            else if (member.NameEquals("signature"u8))
            {
                if (member.Value.ValueKind != JsonValueKind.String)
                {
                    errors.Add($"{Path()}.signature", "The signature is a string: the detached JWS 'header..signature'.");
                    return;
                }

                signature = member.Value.GetString();
            }
            else
            {
                errors.Add($"{Path()}.{member.Name}", "This field is not part of an envelope; remove it.");
            }
        }

        if (eventJson is null)
        {
            errors.Missing($"{Path()}.event");
        }

        if (signature is null)
        {
            errors.Missing($"{Path()}.signature");
        }

        if (eventJson is { } json && signature is not null)
        {
            envelopes.Add((json, signature));
        }
    }

    // The event's bytes as the slice of the body they are (the document reads the body in place), not a copy: they are
    // needed only while the request checks the event.
    private static ReadOnlyMemory<byte> Within(ReadOnlyMemory<byte> body, ReadOnlySpan<byte> part) =>
        body.Span.Overlaps(part, out var offset) ? body.Slice(offset, part.Length) : part.ToArray();
}
