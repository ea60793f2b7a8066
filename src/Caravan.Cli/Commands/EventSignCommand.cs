using System.CommandLine;
using System.Text;
using Caravan.Core.Events;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan event sign --key FILE event.json</c>: checks the event, signs its canonical JSON (RFC 8785) with
/// the party's key, and prints the envelope the server accepts: <c>{"event":{…},"signature":"header..signature"}</c>.
/// Exit 0, or 2 when the key or the event is not valid (every problem on one line).
/// </summary>
public static class EventSignCommand
{
    public static Command Create(CliConsole console, IDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(examples);
        var key = new Option<string>("--key")
        {
            Description = "The party's private key file (ID.key.jwk from 'caravan keys new').",
            Required = true,
            HelpName = "FILE",
        };
        var file = new Argument<string>("EVENT")
        {
            Description = "The event as DCSA T&T JSON (fields in docs/record.md).",
        };
        var command = new Command(
            "sign",
            "Check an event and sign it: prints {\"event\": <canonical JSON>, \"signature\": <detached JWS>}, the body to POST to Caravan. "
            + "Exit codes: 0 signed, 2 bad key or event (each problem named by its field).");
        command.Options.Add(key);
        command.Arguments.Add(file);
        examples[command] =
        [
            "caravan event sign --key ktz.key.jwk event.json",
            "caravan event sign --key keys/ktz.key.jwk event.json > signed.json",
        ];

        command.SetAction(parseResult =>
        {
            var keyPath = parseResult.GetRequiredValue(key);
            var eventPath = parseResult.GetRequiredValue(file);
            if (!TryRead(keyPath, out var keyText, out var error) || !TryRead(eventPath, out var eventText, out error))
            {
                return console.Fail(ExitCodes.BadInput, error);
            }

            if (!EventSigningKey.TryParse(keyText, out var signingKey, out error))
            {
                return console.Fail(ExitCodes.BadInput, $"{keyPath}: not a private key: {error}");
            }

            using (signingKey)
            {
                var parsed = ShipmentEventJson.TryParse(Encoding.UTF8.GetBytes(eventText));
                if (parsed.Event is not { } shipmentEvent)
                {
                    return console.Fail(ExitCodes.BadInput, $"{eventPath}: {string.Join("; ", parsed.Problems)}");
                }

                var signature = DetachedJws.Sign(signingKey, shipmentEvent.CanonicalJson.Span);
                console.Output.WriteLine($$"""{"event":{{Encoding.UTF8.GetString(shipmentEvent.CanonicalJson.Span)}},"signature":"{{signature}}"}""");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static bool TryRead(string path, out string text, out string error)
    {
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
            error = string.Empty;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text = string.Empty;
            error = $"cannot read {path}: {e.Message}";
            return false;
        }
    }
}
