using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Events;

/// <summary>The client's eventID makes posting safe to repeat: the same event again is the stored entry, a different one is 409. Batches are all or nothing.</summary>
public sealed class IdempotencyTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Fact]
    public async Task The_same_event_posted_twice_is_one_entry_and_the_second_answer_is_that_entry()
    {
        var shipment = await record.NewShipmentAsync();
        var envelope = EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA"), record.Key("carrier"));

        var first = await EventApi.PostAsync(record.Client("carrier"), shipment, envelope);
        var second = await EventApi.PostAsync(record.Client("carrier"), shipment, envelope);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"/api/shipments/{shipment}/events/1", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Single((await record.Client("carrier").GetFromJsonAsync<JsonArray>($"/api/shipments/{shipment}/events"))!);
    }

    [Fact]
    public async Task A_different_event_with_a_used_eventID_is_a_conflict_and_writes_nothing()
    {
        var shipment = await record.NewShipmentAsync();
        var departed = EventApi.Event(shipment, "TRANSPORT", "DEPA");
        await EventApi.AppendAsync(record.Client("carrier"), shipment, departed, record.Key("carrier"));
        var arrived = EventApi.Event(shipment, "TRANSPORT", "ARRI");
        arrived["eventID"] = departed["eventID"]!.GetValue<string>();
        var before = await EventApi.CountAsync(record.Factory);

        var response = await EventApi.PostAsync(record.Client("carrier"), shipment, EventApi.Envelope(arrived, record.Key("carrier")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already recorded as entry 1", (await Api.ProblemAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await EventApi.CountAsync(record.Factory));
    }

    [Fact]
    public async Task A_batch_is_appended_in_order_and_answered_with_its_entries()
    {
        var shipment = await record.NewShipmentAsync();
        var events = new JsonArray(Enumerable.Range(0, 5)
            .Select(i => (JsonNode)EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", i % 2 == 0 ? "LOAD" : "DISC", minute: i), record.Key("carrier")))
            .ToArray());

        var response = await EventApi.PostBatchAsync(record.Client("carrier"), shipment, events);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entries = (await response.Content.ReadFromJsonAsync<JsonObject>())!["entries"]!.AsArray();
        Assert.Equal([1L, 2L, 3L, 4L, 5L], entries.Select(e => e!["sequence"]!.GetValue<long>()));
        Assert.Equal(
            events.Select(e => e!["event"]!["eventID"]!.GetValue<string>()),
            entries.Select(e => e!["eventID"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_batch_with_one_bad_signature_writes_nothing_and_names_the_envelope()
    {
        var shipment = await record.NewShipmentAsync();
        var events = new JsonArray(Enumerable.Range(0, 5)
            .Select(i => (JsonNode)EventApi.Envelope(EventApi.Event(shipment, "EQUIPMENT", "LOAD", minute: i), record.Key(i == 3 ? "shipper" : "carrier")))
            .ToArray());
        var before = await EventApi.CountAsync(record.Factory);

        var response = await EventApi.PostBatchAsync(record.Client("carrier"), shipment, events);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Api.ProblemAsync(response))["errors"]!.AsObject();
        Assert.Equal(["$.events[3].signature"], errors.Select(e => e.Key));
        Assert.Equal(before, await EventApi.CountAsync(record.Factory));
    }

    [Fact]
    public async Task A_batch_with_one_forbidden_event_writes_nothing_and_says_which()
    {
        var shipment = await record.NewShipmentAsync();
        var events = new JsonArray(
            EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA"), record.Key("carrier")),
            EventApi.Envelope(EventApi.Event(shipment, "SHIPMENT", "HOLD"), record.Key("carrier")));
        var before = await EventApi.CountAsync(record.Factory);

        var response = await EventApi.PostBatchAsync(record.Client("carrier"), shipment, events);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("events[1]: a carrier may not write SHIPMENT HOLD", (await Api.ProblemAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await EventApi.CountAsync(record.Factory));
    }

    [Fact]
    public async Task A_batch_repeating_a_recorded_event_returns_its_entry_and_appends_the_rest()
    {
        var shipment = await record.NewShipmentAsync();
        var first = EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA"), record.Key("carrier"));
        Assert.Equal(HttpStatusCode.Created, (await EventApi.PostAsync(record.Client("carrier"), shipment, first)).StatusCode);
        var events = new JsonArray(first.DeepClone(), EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "ARRI"), record.Key("carrier")));

        var response = await EventApi.PostBatchAsync(record.Client("carrier"), shipment, events);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entries = (await response.Content.ReadFromJsonAsync<JsonObject>())!["entries"]!.AsArray();
        Assert.Equal([1L, 2L], entries.Select(e => e!["sequence"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused()
    {
        var shipment = await record.SharedShipmentAsync();
        var envelope = EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA"), record.Key("carrier"));
        var events = new JsonArray(Enumerable.Range(0, 1001).Select(_ => (JsonNode)envelope.DeepClone()).ToArray());

        var response = await EventApi.PostBatchAsync(record.Client("carrier"), shipment, events);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Api.ProblemAsync(response))["errors"]!["$.events"]);
    }
}
