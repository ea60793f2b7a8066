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
                ReadEnvelope(root, "$", errors, envelopes);
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
                        ReadEnvelope(envelope, $"$.events[{i++}]", errors, envelopes);
                    }
                }
            }

            return errors.Any ? null : envelopes;
        }
    }

    private static void ReadEnvelope(JsonElement envelope, string path, FieldErrors errors, List<(ReadOnlyMemory<byte> EventJson, string Signature)> envelopes)
    {
        if (envelope.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "An envelope is {\"event\": {…}, \"signature\": \"…\"}, as 'caravan event sign' prints it.");
            return;
        }

        ReadOnlyMemory<byte>? eventJson = null;
        string? signature = null;
        foreach (var member in envelope.EnumerateObject())
        {
            switch (member.Name)
            {
                case "event" when member.Value.ValueKind == JsonValueKind.Object:
                    eventJson = JsonMarshal.GetRawUtf8Value(member.Value).ToArray();
                    break;
                case "event":
                    errors.Add($"{path}.event", "The event is a JSON object.");
                    return;
                case "signature" when member.Value.ValueKind == JsonValueKind.String:
                    signature = member.Value.GetString();
                    break;
                case "signature":
                    errors.Add($"{path}.signature", "The signature is a string: the detached JWS 'header..signature'.");
                    return;
                default:
                    errors.Add($"{path}.{member.Name}", "This field is not part of an envelope; remove it.");
                    break;
            }
        }

        if (eventJson is null)
        {
            errors.Missing($"{path}.event");
        }

        if (signature is null)
        {
            errors.Missing($"{path}.signature");
        }

        if (eventJson is { } json && signature is not null)
        {
            envelopes.Add((json, signature));
        }
    }
}
