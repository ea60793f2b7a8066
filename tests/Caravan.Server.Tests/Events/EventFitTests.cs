using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Events;

/// <summary>
/// A well-formed, signed and allowed event must still fit the shipment and the clock: an equipment event names one of
/// the shipment's containers, and an actual (ACT) event has happened by the server's clock (give or take the skew
/// telemetry allows); plans and estimates may be in the future. Singly and in a batch, which then records nothing.
/// </summary>
public sealed class EventFitTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Fact]
    public async Task An_equipment_event_for_a_container_not_on_the_shipment_is_refused_naming_equipmentReference()
    {
        var shipment = await record.NewShipmentAsync();
        var load = EventApi.Event(shipment, "EQUIPMENT", "LOAD");
        load["equipmentReference"] = "MSCU1234566";

        var response = await EventApi.PostAsync(record.Client("carrier"), shipment, EventApi.Envelope(load, record.Key("carrier")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await Api.ProblemAsync(response))["errors"]!["$.event.equipmentReference"]![0]!.GetValue<string>();
        Assert.Contains("MSCU1234566 is not a container of this shipment", message, StringComparison.Ordinal);
        Assert.Contains("CSQU3054383", message, StringComparison.Ordinal);
        await EventApi.AppendAsync(record.Client("carrier"), shipment, EventApi.Event(shipment, "EQUIPMENT", "LOAD"), record.Key("carrier"));
        Assert.Single(await EntriesAsync(shipment));
    }

    [Fact]
    public async Task An_actual_event_in_the_future_is_refused_naming_eventDateTime_and_a_plan_or_estimate_is_not()
    {
        var shipment = await record.NewShipmentAsync();
        var now = record.Factory.Clock.GetUtcNow();

        var response = await EventApi.PostAsync(record.Client("carrier"), shipment, EventApi.Envelope(At(shipment, "ACT", new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero)), record.Key("carrier")));
        var justAhead = await EventApi.PostAsync(record.Client("carrier"), shipment, EventApi.Envelope(At(shipment, "ACT", now.AddMinutes(6)), record.Key("carrier")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ahead of the server's clock", (await Api.ProblemAsync(response))["errors"]!["$.event.eventDateTime"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, justAhead.StatusCode);
        Assert.Empty(await EntriesAsync(shipment));

        // Within the skew an actual event is taken; estimates and plans are about the future.
        await EventApi.AppendAsync(record.Client("carrier"), shipment, At(shipment, "ACT", now.AddMinutes(4)), record.Key("carrier"));
        await EventApi.AppendAsync(record.Client("carrier"), shipment, At(shipment, "EST", new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero)), record.Key("carrier"));
        await EventApi.AppendAsync(record.Client("carrier"), shipment, At(shipment, "PLN", now.AddDays(30)), record.Key("carrier"));
        var status = (await record.Client("forwarder").GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}"))!;
        Assert.Equal("atTerminal", status["status"]!.GetValue<string>());
        Assert.Equal(3, (await EntriesAsync(shipment)).Count);
    }

    [Fact]
    public async Task A_batch_with_a_future_actual_event_or_a_foreign_container_records_nothing()
    {
        var shipment = await record.NewShipmentAsync();
        var key = record.Key("carrier");
        var foreign = EventApi.Event(shipment, "EQUIPMENT", "DISC");
        foreign["equipmentReference"] = "MSCU1234566";
        var future = At(shipment, "ACT", record.Factory.Clock.GetUtcNow().AddDays(1));

        var response = await EventApi.PostBatchAsync(
            record.Client("carrier"), shipment, [EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA"), key), EventApi.Envelope(foreign, key), EventApi.Envelope(future, key)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Api.ProblemAsync(response))["errors"]!.AsObject();
        Assert.NotNull(errors["$.events[1].event.equipmentReference"]);
        Assert.NotNull(errors["$.events[2].event.eventDateTime"]);
        Assert.Empty(await EntriesAsync(shipment));
    }

    private static JsonObject At(string shipment, string classifier, DateTimeOffset time)
    {
        var arrival = EventApi.Event(shipment, "TRANSPORT", "ARRI", classifier);
        arrival["eventDateTime"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return arrival;
    }

    private Task<JsonArray> EntriesAsync(string shipment) => EventApi.EntriesAsync(record.Client("forwarder"), shipment);
}
