using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Events;

/// <summary>Many writers at once on one shipment leave one linear chain: the single writer serialises appends.</summary>
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
}
