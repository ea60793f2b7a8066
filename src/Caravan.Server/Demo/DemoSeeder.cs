using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Caravan.Core.Events;
using Caravan.Server.Events;
using Caravan.Server.Hosting;
using Caravan.Storage;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Demo;

/// <summary>
/// Seeds the demo at start when <see cref="DemoOptions.Enabled"/>, after the database is migrated: the demo parties
/// with custodial keys and one token each (printed once, and written to <c>DATA/demo-tokens.json</c>, mode 0600),
/// and the <see cref="DemoStory"/>'s shipments. Seeds once per data directory: when the demo forwarder exists,
/// a restart seeds nothing.
/// </summary>
public sealed class DemoSeeder(
    IOptions<DemoOptions> options,
    IOptions<StorageOptions> storage,
    IPartyStore parties,
    IAccessTokenStore tokens,
    IShipmentStore shipments,
    IPartyKeyStore keys,
    EventRecorder recorder,
    CorridorNetworkProvider networks,
    TimeProvider clock,
    ILogger<DemoSeeder> logger) : IHostedService
{
    private const string TokenLabel = "demo (caravan serve --demo)";

    /// <summary>The path of the demo tokens file in the data directory.</summary>
    public string TokensPath => Path.Combine(storage.Value.DataDirectory, DemoOptions.TokensFileName);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var seeded = await SeedAsync(cancellationToken).ConfigureAwait(false);
        if (seeded is not null)
        {
            await PrintTokensAsync(seeded, cancellationToken).ConfigureAwait(false);
            await RecordStoryAsync(seeded, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Creates the demo parties, their tokens, the tokens file and the shipments; null when the demo was seeded
    /// before, a demo party id is taken, or the corridor network cannot be loaded (each logged). The story is
    /// planned before anything is written, so a story that cannot be told leaves the database untouched.
    /// </summary>
    public async Task<DemoSeedResult?> SeedAsync(CancellationToken cancellationToken)
    {
        if (await parties.FindAsync(DemoParties.Forwarder, cancellationToken).ConfigureAwait(false) is not null)
        {
            Log.DemoAlreadySeeded(logger, storage.Value.DataDirectory);
            return null;
        }

        foreach (var party in DemoParties.All)
        {
            if (await parties.FindAsync(party.Id, cancellationToken).ConfigureAwait(false) is not null)
            {
                Log.DemoNotSeeded(logger, $"a party '{party.Id}' already exists in {storage.Value.DataDirectory}");
                return null;
            }
        }

        if (networks.Planner(out var problem) is not { } planner)
        {
            Log.DemoNotSeeded(logger, $"the corridor network is unavailable: {problem}");
            return null;
        }

        var now = clock.GetUtcNow();
        var keys = DemoParties.All.ToDictionary(p => p.Id, _ => EventSigningKey.Create());
        IReadOnlyList<DemoShipment> story;
        try
        {
            story = DemoStory.Tell(planner, keys, options.Value.Seed, clock);
        }
        catch (InvalidOperationException e)
        {
            // An edited network may no longer carry the story; the server still serves, without the demo.
            Log.DemoNotSeeded(logger, e.Message);
            DisposeAll(keys.Values);
            return null;
        }

        try
        {
            var seededParties = new List<DemoSeededParty>();
            foreach (var party in DemoParties.All)
            {
                await parties.CreateAsync(party, now, cancellationToken).ConfigureAwait(false);
                var issued = await tokens.IssueAsync(party.Id, TokenLabel, now, cancellationToken).ConfigureAwait(false);
                seededParties.Add(new DemoSeededParty(party, keys[party.Id], issued.Token));
            }

            await WriteTokensFileAsync(seededParties, cancellationToken).ConfigureAwait(false);
            foreach (var shipment in story)
            {
                await shipments.CreateAsync(shipment.Shipment, cancellationToken).ConfigureAwait(false);
            }

            Log.DemoSeeded(logger, seededParties.Count, story.Count, TokensPath);
            return new DemoSeedResult(now, seededParties, story);
        }
        catch
        {
            DisposeAll(keys.Values);
            throw;
        }
    }

    /// <summary>
    /// Records the story: registers each demo party's custodial key, then appends each shipment's signed events in
    /// order, through the same checks (signature, key owner, write rules, chain) as any party's post. A refused
    /// event is a bug in the story, so it stops the start with the reason.
    /// </summary>
    public async Task RecordStoryAsync(DemoSeedResult seeded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seeded);
        foreach (var party in seeded.Parties)
        {
            await keys.AddAsync(party.Party.Id, party.Key.PublicKey, party.Key, seeded.SeededAt, cancellationToken).ConfigureAwait(false);
        }

        foreach (var shipment in seeded.Shipments)
        {
            foreach (var e in shipment.Events)
            {
                var result = await recorder.AppendAsync(e.Author, shipment.Shipment.Id, e.EventJson, e.Signature, cancellationToken).ConfigureAwait(false);
                if (result.Outcome != EventAppendOutcome.Appended)
                {
                    var problems = string.Join("; ", result.Problems.Select(p => $"{p.Field}: {p.Message}"));
                    throw new InvalidOperationException($"The demo story's event by {e.Author} on {shipment.Shipment.Id} was refused ({result.Outcome}): {problems}");
                }
            }
        }

        Log.DemoStoryRecorded(logger, seeded.Parties.Count, seeded.EventCount, seeded.Shipments.Count);
    }

    private async Task WriteTokensFileAsync(IReadOnlyList<DemoSeededParty> seeded, CancellationToken cancellationToken)
    {
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (var party in seeded)
            {
                writer.WriteString(party.Party.Id.Value, party.Token);
            }

            writer.WriteEndObject();
        }

        // Created with mode 0600 from the start, so the tokens are never readable by others, not even for a moment.
        File.Delete(TokensPath);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var stream = new FileStream(TokensPath, file);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(json.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        }
    }

    // The tokens go to the operator's terminal, never to the log: this is the only time they are shown.
    private async Task PrintTokensAsync(DemoSeedResult seeded, CancellationToken cancellationToken)
    {
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Caravan demo: {seeded.Parties.Count} parties and {seeded.Shipments.Count} shipments seeded. Each party's token (also in {TokensPath}):");
        var width = seeded.Parties.Max(p => p.Party.Id.Value.Length);
        foreach (var party in seeded.Parties)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {party.Party.Id.Value.PadRight(width)}  {party.Token}");
        }

        text.AppendLine("List a party's shipments: curl -H \"Authorization: Bearer <token>\" <server>/api/shipments");
        await Console.Out.WriteLineAsync(text.ToString().AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private static void DisposeAll(IEnumerable<EventSigningKey> keys)
    {
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }
}
