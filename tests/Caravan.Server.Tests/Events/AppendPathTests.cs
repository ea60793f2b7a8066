using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Events;

/// <summary>
/// The append path's shortcuts change no answer: a batch of new events is inserted without a lookup per event, and
/// one that repeats or reuses a recorded id is rolled back and answered event by event; entries just sealed are
/// written as they were sealed; a known key's header is not parsed again; a body without a declared length is read too.
/// </summary>
public sealed class AppendPathTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Fact]
    public async Task A_batch_reusing_a_recorded_id_late_in_it_writes_nothing_and_the_chain_goes_on_from_where_it_was()
    {
        var shipment = await record.NewShipmentAsync();
        var carrier = record.Client("carrier");
        var departed = EventApi.Event(shipment, "TRANSPORT", "DEPA");
        await EventApi.AppendAsync(carrier, shipment, departed, record.Key("carrier"));
        var reused = EventApi.Event(shipment, "TRANSPORT", "ARRI", minute: 9);
        reused["eventID"] = departed["eventID"]!.GetValue<string>();
        var events = new JsonArray(
            EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "LOAD", minute: 1), record.Key("carrier")),
            EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "DISC", minute: 2), record.Key("carrier")),
            EventApi.Envelope(reused, record.Key("carrier")));
        var before = await EventApi.CountAsync(record.Factory);

        var refused = await EventApi.PostBatchAsync(carrier, shipment, events);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.StartsWith("events[2]:", (await Api.ProblemAsync(refused))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await EventApi.CountAsync(record.Factory));

        var next = await EventApi.AppendAsync(carrier, shipment, EventApi.Event(shipment, "TRANSPORT", "ARRI", minute: 30), record.Key("carrier"));
        Assert.Equal(2, next["sequence"]!.GetValue<long>());
        var verify = (await carrier.GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}/verify"))!;
        Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
    }

    [Fact]
    public async Task A_batch_sent_again_is_answered_with_the_same_entries_and_appends_nothing()
    {
        var shipment = await record.NewShipmentAsync();
        var carrier = record.Client("carrier");
        var events = new JsonArray(Enumerable.Range(0, 3)
            .Select(i => (JsonNode)EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "LOAD", minute: i), record.Key("carrier")))
            .ToArray());

        var first = await EventApi.PostBatchAsync(carrier, shipment, events);
        var count = await EventApi.CountAsync(record.Factory);
        var again = await EventApi.PostBatchAsync(carrier, shipment, (JsonArray)events.DeepClone());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(count, await EventApi.CountAsync(record.Factory));
    }

    [Fact]
    public async Task The_platform_signs_the_last_entry_of_a_batch_and_that_signature_covers_the_rest()
    {
        var shipment = await record.NewShipmentAsync();
        var carrier = record.Client("carrier");
        await EventApi.AppendAsync(carrier, shipment, EventApi.Event(shipment, "TRANSPORT", "DEPA"), record.Key("carrier"));
        var events = new JsonArray(Enumerable.Range(1, 3)
            .Select(i => (JsonNode)EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "LOAD", minute: i), record.Key("carrier")))
            .ToArray());

        var batch = await EventApi.PostBatchAsync(carrier, shipment, events);

        Assert.Equal(HttpStatusCode.Created, batch.StatusCode);
        var entries = (await batch.Content.ReadFromJsonAsync<JsonObject>())!["entries"]!.AsArray();
        Assert.Equal([false, false, true], entries.Select(e => e!.AsObject().ContainsKey("platformSignature")));
        await AssertIntactAsync(carrier, shipment, 4);
    }

    [Fact]
    public async Task When_a_batch_ends_with_an_event_already_recorded_the_last_entry_appended_is_the_one_signed()
    {
        var shipment = await record.NewShipmentAsync();
        var carrier = record.Client("carrier");
        var recorded = EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA"), record.Key("carrier"));
        Assert.Equal(HttpStatusCode.Created, (await EventApi.PostAsync(carrier, shipment, recorded)).StatusCode);

        var batch = await EventApi.PostBatchAsync(carrier, shipment, new JsonArray(
            EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "LOAD", minute: 1), record.Key("carrier")),
            EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "LOAD", minute: 2), record.Key("carrier")),
            recorded.DeepClone()));

        var entries = (await batch.Content.ReadFromJsonAsync<JsonObject>())!["entries"]!.AsArray();
        Assert.Equal([2L, 3, 1], entries.Select(e => e!["sequence"]!.GetValue<long>()));
        Assert.Equal([false, true, true], entries.Select(e => e!.AsObject().ContainsKey("platformSignature")));
        await AssertIntactAsync(carrier, shipment, 3);
    }

    [Fact]
    public async Task Entries_just_sealed_are_answered_as_they_are_read_back()
    {
        var shipment = await record.NewShipmentAsync();
        var carrier = record.Client("carrier");
        var events = new JsonArray(Enumerable.Range(0, 4)
            .Select(i => (JsonNode)EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", i % 2 == 0 ? "LOAD" : "DISC", minute: i), record.Key("carrier")))
            .ToArray());

        var batch = await EventApi.PostBatchAsync(carrier, shipment, events);
        var single = await EventApi.PostAsync(carrier, shipment, EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "ARRI", minute: 9), record.Key("carrier")));

        var sealedNow = (await batch.Content.ReadFromJsonAsync<JsonObject>())!["entries"]!.AsArray()
            .Append((await single.Content.ReadFromJsonAsync<JsonObject>())!)
            .Select(e => e!.ToJsonString());
        var readBack = (await carrier.GetFromJsonAsync<JsonArray>($"/api/shipments/{shipment}/events"))!.Select(e => e!.ToJsonString());
        Assert.Equal(readBack, sealedNow);
    }

    [Fact]
    public async Task A_malformed_jws_with_a_known_keys_header_is_still_named_malformed()
    {
        var shipment = await record.SharedShipmentAsync();
        var carrier = record.Client("carrier");
        var valid = EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA", minute: 1), record.Key("carrier"));
        Assert.Equal(HttpStatusCode.Created, (await EventApi.PostAsync(carrier, shipment, valid)).StatusCode);
        var parts = valid["signature"]!.GetValue<string>().Split('.');
        var envelope = EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA", minute: 2), record.Key("carrier"));
        envelope["signature"] = $"{parts[0]}.eyJ9.{parts[2]}";
        var before = await EventApi.CountAsync(record.Factory);

        var response = await EventApi.PostAsync(carrier, shipment, envelope);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = (await Api.ProblemAsync(response))["errors"]!["$.signature"]![0]!.GetValue<string>();
        Assert.StartsWith("The signature is not a detached JWS Caravan can read: the JWS carries a payload", reason, StringComparison.Ordinal);
        Assert.Equal(before, await EventApi.CountAsync(record.Factory));
    }

    [Fact]
    public async Task A_batch_sent_without_a_declared_length_is_appended()
    {
        var shipment = await record.NewShipmentAsync();
        var events = new JsonArray(Enumerable.Range(0, 3)
            .Select(i => (JsonNode)EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "LOAD", minute: i), record.Key("carrier")))
            .ToArray());
        using var content = new UnsizedContent(Encoding.UTF8.GetBytes(new JsonObject { ["events"] = events }.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await record.Client("carrier").PostAsync($"/api/shipments/{shipment}/events/batch", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<JsonObject>())!["entries"]!.AsArray().Count);
    }

    /// <summary>A body whose length is not known before it is sent (no Content-Length).</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static async Task AssertIntactAsync(HttpClient client, string shipment, int entries)
    {
        var verify = (await client.GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}/verify"))!;
        Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.Equal(entries, verify["entriesChecked"]!.GetValue<int>());
    }
}
