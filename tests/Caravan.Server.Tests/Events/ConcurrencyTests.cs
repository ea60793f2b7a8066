using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Events;
using Caravan.Server.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Tests.Events;

/// <summary>
/// Many writers at once on one shipment leave one linear chain: appends to a shipment are sealed in turn, and the single
/// writer seals again whenever an entry was sealed after a head that is no longer the chain's.
/// </summary>
public sealed class ConcurrencyTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Fact]
    public async Task A_hundred_concurrent_writers_leave_one_linear_chain_that_verifies()
    {
        var shipment = await record.NewShipmentAsync();
        var writers = new[] { "carrier", "terminalOperator", "customsAuthority" };
        var posts = Enumerable.Range(0, 100).Select(async i =>
        {
            var role = writers[i % writers.Length];
            var json = role == "customsAuthority" ? EventApi.Event(shipment, "EQUIPMENT", "INSP", minute: i) : EventApi.Event(shipment, "EQUIPMENT", "GTIN", minute: i);
            return await EventApi.PostAsync(record.Client(role), shipment, EventApi.Envelope(json, record.Key(role)));
        });

        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var entries = (await record.Client("forwarder").GetFromJsonAsync<JsonArray>($"/api/shipments/{shipment}/events"))!;
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), entries.Select(e => e!["sequence"]!.GetValue<long>()));
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1]!["entryHash"]!.GetValue<string>(), entries[i]!["previousHash"]!.GetValue<string>());
        }

        var verify = (await record.Client("forwarder").GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}/verify"))!;
        Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.Equal(100, verify["entriesChecked"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_entry_sealed_after_a_stale_head_is_sealed_again_by_the_writer_and_the_chain_verifies()
    {
        var shipment = await record.NewShipmentAsync();
        var carrier = record.Client("carrier");
        var first = await EventApi.PostAsync(carrier, shipment, EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "GTIN", minute: 1), record.Key("carrier")));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        // The head the recorder seals after is a hint; make it wrong, as an append by another process would.
        var stale = new ChainEntry(
            7, shipment, Guid.NewGuid(), ReadOnlyMemory<byte>.Empty, "nobody", "kid", "sig", ChainEntry.GenesisHash, DateTimeOffset.UnixEpoch, "kid", "sig", new string('f', 64));
        record.Factory.Services.GetRequiredService<ChainHeads>().Advance(stale);

        var second = await EventApi.PostAsync(carrier, shipment, EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "GTOT", minute: 2), record.Key("carrier")));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var third = await EventApi.PostAsync(carrier, shipment, EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "GTIN", minute: 3), record.Key("carrier")));
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);

        var entries = (await record.Client("forwarder").GetFromJsonAsync<JsonArray>($"/api/shipments/{shipment}/events"))!;
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e!["sequence"]!.GetValue<long>()));
        var verify = (await record.Client("forwarder").GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}/verify"))!;
        Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
    }
}
