using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Shipments;
using Caravan.Server.Events;
using Caravan.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Tests.Events;

/// <summary>
/// Entries are sealed on the request's thread after the chain's predicted tip, while the single writer is busy; the
/// writer stores them only when they follow the head it finds, and seals again those that do not.
/// </summary>
public sealed class SealingTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Fact]
    public async Task An_append_is_sealed_when_it_is_queued_not_when_the_writer_reaches_it()
    {
        var shipment = await record.NewShipmentAsync();
        var carrier = record.Client("carrier");
        await EventApi.AppendAsync(carrier, shipment, EventApi.Event(shipment, "TRANSPORT", "DEPA"), record.Key("carrier"));
        var queuedAt = record.Factory.Clock.GetUtcNow();

        JsonObject entry;
        using (var writer = await BlockWriterAsync())
        {
            var posted = EventApi.PostAsync(carrier, shipment, EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "ARRI", minute: 5), record.Key("carrier")));
            await TipReachesAsync(shipment, 2);
            record.Factory.Clock.Advance(TimeSpan.FromHours(1));
            writer.Release();
            var response = await posted;
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            entry = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }

        Assert.Equal(2, entry["sequence"]!.GetValue<long>());
        Assert.Equal(queuedAt, DateTimeOffset.Parse(entry["recordedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_append_sealed_after_one_that_fails_is_sealed_again_after_the_real_head()
    {
        var shipment = await record.NewShipmentAsync();
        var carrier = record.Client("carrier");
        var departed = EventApi.Event(shipment, "TRANSPORT", "DEPA");
        var first = await EventApi.AppendAsync(carrier, shipment, departed, record.Key("carrier"));
        var reused = EventApi.Event(shipment, "TRANSPORT", "ARRI", minute: 9);
        reused["eventID"] = departed["eventID"]!.GetValue<string>();

        HttpResponseMessage refused;
        HttpResponseMessage appended;
        using (var writer = await BlockWriterAsync())
        {
            // The refused batch is sealed as entries 2 and 3; the next append after it, as entry 4.
            var refusing = EventApi.PostBatchAsync(carrier, shipment, new JsonArray(
                EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "LOAD", minute: 1), record.Key("carrier")),
                EventApi.Envelope(reused, record.Key("carrier"))));
            await TipReachesAsync(shipment, 3);
            var appending = EventApi.PostAsync(carrier, shipment, EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "DISC", minute: 2), record.Key("carrier")));
            await TipReachesAsync(shipment, 4);
            writer.Release();
            refused = await refusing;
            appended = await appending;
        }

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, appended.StatusCode);
        var entry = (await appended.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, entry["sequence"]!.GetValue<long>());
        Assert.Equal(first["entryHash"]!.GetValue<string>(), entry["previousHash"]!.GetValue<string>());

        var next = await EventApi.AppendAsync(carrier, shipment, EventApi.Event(shipment, "TRANSPORT", "ARRI", minute: 30), record.Key("carrier"));
        Assert.Equal(3, next["sequence"]!.GetValue<long>());
        Assert.Equal(entry["entryHash"]!.GetValue<string>(), next["previousHash"]!.GetValue<string>());
        var verify = (await carrier.GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}/verify"))!;
        Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.Equal(3, verify["entriesChecked"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_earlier_append_answered_after_a_later_one_was_queued_leaves_the_later_ones_tip()
    {
        var tips = new ChainTips();
        var shipment = ShipmentId.Parse("SHP-TIPS");
        ChainTips.Ticket earlier;
        ChainTips.Ticket later;
        using (var turn = tips.TakeTurn(shipment))
        {
            Assert.Null(turn.Last);
            earlier = turn.Queued(null);
        }

        using (var turn = tips.TakeTurn(shipment))
        {
            later = turn.Queued(null);
        }

        tips.Settle(shipment, earlier, await AnEntryAsync(1));
        Assert.Null(Last(tips, shipment));

        tips.Settle(shipment, later, await AnEntryAsync(2));
        Assert.Equal(2, (Last(tips, shipment))!.Sequence);
    }

    [Fact]
    public async Task The_store_refuses_an_entry_sealed_after_another_head_than_the_chain_has_and_stores_nothing()
    {
        var shipment = await record.NewShipmentAsync();
        var carrier = record.Client("carrier");
        await EventApi.AppendAsync(carrier, shipment, EventApi.Event(shipment, "TRANSPORT", "DEPA"), record.Key("carrier"));
        var store = record.Factory.Services.GetRequiredService<Storage.IEventStore>();
        var id = ShipmentId.Parse(shipment);
        var head = (await store.ListAsync(id, CancellationToken.None))[^1];
        var json = EventApi.Event(shipment, "TRANSPORT", "ARRI", minute: 5);
        var parsed = Core.Events.ShipmentEventJson.TryParse(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString())).Event!;
        var toAppend = new Storage.EventToAppend(parsed, "carrier", Core.Events.DetachedJws.Sign(record.Key("carrier"), parsed.CanonicalJson.Span));
        var platform = Core.Events.EventSigningKey.Create();

        // The right sequence, but sealed after a head whose hash is not the chain's: a fork, refused at the store.
        var forked = head with { EntryHash = new string('a', 64) };
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync(
            id,
            [toAppend],
            (_, e, _) => Core.Events.ChainSealer.Seal(forked, e.AuthorPartyId, e.AuthorSignature, e.Event, platform, record.Factory.Clock.GetUtcNow()),
            CancellationToken.None));

        Assert.Contains("not the one that follows", refused.Message, StringComparison.Ordinal);
        Assert.Single(await store.ListAsync(id, CancellationToken.None));
    }

    private static Core.Events.ChainEntry? Last(ChainTips tips, ShipmentId shipment)
    {
        using var turn = tips.TakeTurn(shipment);
        return turn.Last;
    }

    private async Task<Core.Events.ChainEntry> AnEntryAsync(long sequence)
    {
        var shipment = await record.SharedShipmentAsync();
        var events = record.Factory.Services.GetRequiredService<Storage.IEventStore>();
        var entries = await events.ListAsync(ShipmentId.Parse(shipment), CancellationToken.None);
        if (entries.Count == 0)
        {
            await EventApi.AppendAsync(record.Client("carrier"), shipment, EventApi.Event(shipment, "TRANSPORT", "DEPA"), record.Key("carrier"));
            entries = await events.ListAsync(ShipmentId.Parse(shipment), CancellationToken.None);
        }

        return entries[0] with { Sequence = sequence };
    }

    private async Task TipReachesAsync(string shipment, long sequence)
    {
        var tips = record.Factory.Services.GetRequiredService<ChainTips>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((Last(tips, ShipmentId.Parse(shipment)))?.Sequence != sequence)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"The tip of {shipment} did not reach entry {sequence}.");
            await Task.Delay(10);
        }
    }

    private async Task<BlockedWriter> BlockWriterAsync()
    {
        var writer = record.Factory.Services.GetRequiredService<SqliteWriter>();
        var blocked = new BlockedWriter();
        blocked.Work = writer.WriteAsync(
            (_, _) =>
            {
                blocked.Started.Set();
                return blocked.Released.Wait(TimeSpan.FromSeconds(30));
            },
            CancellationToken.None);
        Assert.True(await Task.Run(() => blocked.Started.Wait(TimeSpan.FromSeconds(30))));
        return blocked;
    }

    /// <summary>A write that holds the single writer until released, so appends queue behind it.</summary>
    private sealed class BlockedWriter : IDisposable
    {
        public ManualResetEventSlim Started { get; } = new();

        public ManualResetEventSlim Released { get; } = new();

        public Task<bool> Work { get; set; } = Task.FromResult(true);

        public void Release() => Released.Set();

        public void Dispose()
        {
            Released.Set();
            Work.GetAwaiter().GetResult();
            Started.Dispose();
            Released.Dispose();
        }
    }
}
