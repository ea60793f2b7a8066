using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Caravan.Core.Events;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan event post --server URL --token TOKEN --key FILE --shipment ID event.json</c>: signs the event's canonical
/// JSON with the party's key and posts the envelope to <c>/api/shipments/{id}/events</c>; prints the stored entry's
/// sequence and hash. Exit 0 recorded (now or before), 1 refused by the server, 2 bad input, 3 server unreachable.
/// </summary>
public static class EventPostCommand
{
    /// <summary>The server refused the event; its problem detail is printed on one line.</summary>
    public const int Refused = 1;

    /// <summary>The server could not be reached, or did not answer in time.</summary>
    public const int Unreachable = 3;

    public static Command Create(CliConsole console, IDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(examples);
        var server = new Option<string?>("--server")
        {
            Description = "The Caravan server's base URL (default: $CARAVAN_SERVER).",
            HelpName = "URL",
        };
        var token = new Option<string?>("--token")
        {
            Description = "The party's bearer token (default: $CARAVAN_TOKEN, which keeps it out of process lists).",
            HelpName = "TOKEN",
        };
        var key = new Option<string>("--key")
        {
            Description = "The party's private key file (ID.key.jwk from 'caravan keys new'); its public key must be registered.",
            Required = true,
            HelpName = "FILE",
        };
        var shipment = new Option<string?>("--shipment")
        {
            Description = "The shipment to post to (default: the event's shipmentID; when given, it must be the event's).",
            HelpName = "ID",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (sequence and hash) or json (the stored entry).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var file = new Argument<string>("EVENT")
        {
            Description = "The event as DCSA T&T JSON (fields in docs/record.md).",
        };
        var command = new Command(
            "post",
            "Sign an event with your party's key and post it to a Caravan server; prints the entry's sequence and hash. "
            + "Exit codes: 0 recorded (or recorded before), 1 refused by the server (its reason on one line), 2 bad input, 3 server unreachable.");
        foreach (var option in new Option[] { server, token, key, shipment, format })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(file);
        examples[command] =
        [
            "caravan event post --server http://127.0.0.1:5080 --key ktz.key.jwk --shipment CRV-7K3M9Q2XWD event.json",
            "CARAVAN_SERVER=http://127.0.0.1:5080 CARAVAN_TOKEN=... caravan event post --key ktz.key.jwk event.json --format json",
        ];

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetValue(server) ?? Environment.GetEnvironmentVariable("CARAVAN_SERVER"),
            parseResult.GetValue(token) ?? Environment.GetEnvironmentVariable("CARAVAN_TOKEN"),
            parseResult.GetRequiredValue(key),
            parseResult.GetValue(shipment),
            parseResult.GetRequiredValue(format),
            parseResult.GetRequiredValue(file),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string? server, string? token, string keyPath, string? shipment, string format, string eventPath, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(server) || !Uri.TryCreate(server, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            return console.Fail(ExitCodes.BadInput, "give the server's http(s) URL with --server or $CARAVAN_SERVER");
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            return console.Fail(ExitCodes.BadInput, "give the party's token with --token or $CARAVAN_TOKEN");
        }

        string keyText;
        byte[] eventBytes;
        try
        {
            keyText = await File.ReadAllTextAsync(keyPath, cancellationToken).ConfigureAwait(false);
            eventBytes = await File.ReadAllBytesAsync(eventPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return console.Fail(ExitCodes.BadInput, $"cannot read a file: {e.Message}");
        }

        if (!EventSigningKey.TryParse(keyText, out var signingKey, out var error))
        {
            return console.Fail(ExitCodes.BadInput, $"{keyPath}: not a private key: {error}");
        }

        string body;
        string shipmentId;
        using (signingKey)
        {
            var parsed = ShipmentEventJson.TryParse(eventBytes);
            if (parsed.Event is not { } shipmentEvent)
            {
                return console.Fail(ExitCodes.BadInput, $"{eventPath}: {string.Join("; ", parsed.Problems)}");
            }

            shipmentId = shipment ?? shipmentEvent.ShipmentId;
            if (!string.Equals(shipmentId, shipmentEvent.ShipmentId, StringComparison.OrdinalIgnoreCase))
            {
                return console.Fail(ExitCodes.BadInput, $"{eventPath}: the event's shipmentID is {shipmentEvent.ShipmentId}, not {shipmentId}");
            }

            var canonical = Encoding.UTF8.GetString(shipmentEvent.CanonicalJson.Span);
            body = $$"""{"event":{{canonical}},"signature":"{{DetachedJws.Sign(signingKey, shipmentEvent.CanonicalJson.Span)}}"}""";
        }

        using var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        HttpResponseMessage response;
        string answer;
        try
        {
            response = await client.PostAsync(
                new Uri($"api/shipments/{Uri.EscapeDataString(shipmentId)}/events", UriKind.Relative),
                new StringContent(body, Encoding.UTF8, "application/json"),
                cancellationToken).ConfigureAwait(false);
            answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return console.Fail(Unreachable, $"cannot reach {baseUri}: {e.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                return console.Fail(Refused, $"{(int)response.StatusCode} {ProblemText.OneLine(answer)}");
            }

            if (format == "json")
            {
                await console.Output.WriteLineAsync(answer.AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var entry = JsonNode.Parse(answer)!;
            var what = (int)response.StatusCode == 201 ? "recorded" : "already recorded";
            await console.Output.WriteLineAsync(
                $"{entry["shipmentID"]}: entry {entry["sequence"]} {what}, hash {entry["entryHash"]}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
    }
}
