using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Caravan.Core.Events;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan verify BUNDLE</c>: checks an exported shipment bundle offline — every link, hash and signature —
/// and names the first broken entry. Exit 0 intact, 1 broken, 2 unreadable input.
/// </summary>
public static class VerifyCommand
{
    /// <summary>The chain is not intact; the first broken entry is printed.</summary>
    public const int Broken = 1;

    public static Command Create(CliConsole console, IDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(examples);
        var file = new Argument<string>("BUNDLE")
        {
            Description = "A bundle exported from Caravan (GET /api/shipments/{id}/bundle; format caravan.bundle/1).",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text for people, json for programs.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var all = new Option<bool>("--all-platform-signatures")
        {
            Description = "Check the platform's signature on every entry that carries one (the last of each write), not only the last entry's (slower; names a rewritten entry's write).",
        };
        var command = new Command(
            "verify",
            "Check a shipment bundle offline: sequence, hash links, entry hashes, every author's signature and the platform's. "
            + "Exit codes: 0 intact, 1 broken (the first broken entry is named), 2 unreadable input.");
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.Options.Add(all);
        examples[command] =
        [
            "caravan verify bundle.json",
            "caravan verify bundle.json --format json",
            "caravan verify bundle.json --all-platform-signatures",
        ];

        command.SetAction(parseResult =>
        {
            var path = parseResult.GetRequiredValue(file);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return console.Fail(ExitCodes.BadInput, $"cannot read {path}: {e.Message}");
            }

            var read = EventBundle.TryRead(bytes);
            if (read.Bundle is not { } bundle)
            {
                var more = read.Problems.Count > 1 ? $" (and {read.Problems.Count - 1} more)" : string.Empty;
                return console.Fail(ExitCodes.BadInput, $"{path}: not a Caravan bundle: {read.Problems[0]}{more}");
            }

            var result = console.Busy("Verifying the chain…", () => bundle.Verify(parseResult.GetValue(all)));
            if (parseResult.GetValue(format) == "json")
            {
                WriteJson(console.Output, bundle, result);
            }
            else if (result.FirstBroken is { } broken)
            {
                console.Output.WriteLine($"{bundle.ShipmentId}: BROKEN at entry {broken.Sequence} (event {broken.EventId}): {broken.Reason}");
                console.Output.WriteLine($"{result.EntriesChecked} of {bundle.Entries.Count} entries verified before it");
            }
            else
            {
                console.Output.WriteLine($"{bundle.ShipmentId}: intact: {bundle.Entries.Count} entries, every link, hash and signature verified");
            }

            return result.Intact ? ExitCodes.Ok : Broken;
        });
        return command;
    }

    private static void WriteJson(TextWriter output, EventBundle bundle, ChainVerification result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("shipmentID", bundle.ShipmentId);
            writer.WriteBoolean("intact", result.Intact);
            writer.WriteNumber("entries", bundle.Entries.Count);
            writer.WriteNumber("entriesChecked", result.EntriesChecked);
            if (result.FirstBroken is { } broken)
            {
                writer.WriteStartObject("firstBroken");
                writer.WriteNumber("sequence", broken.Sequence);
                writer.WriteString("eventID", broken.EventId.ToString("D"));
                writer.WriteString("reason", broken.Reason);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("firstBroken");
            }

            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
