using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Events;

/// <summary>Malformed posts get problem details naming the field at fault, and write nothing.</summary>
public sealed class MalformedInputTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Theory]
    [InlineData("{\"event\": {\"eventID\": ", "$")]
    [InlineData("[1, 2]", "$")]
    [InlineData("{\"event\": {}}", "$.signature")]
    [InlineData("{\"signature\": \"x\"}", "$.event")]
    [InlineData("{\"event\": 5, \"signature\": \"x\"}", "$.event")]
    [InlineData("{\"event\": {}, \"signature\": \"x\", \"extra\": 1}", "$.extra")]
    public async Task A_body_that_is_not_an_envelope_is_refused(string body, string field)
    {
        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Api.ProblemAsync(response))["errors"]![field]);
    }

    [Theory]
    [InlineData("$.event.transportCall.UNLocationCode", "transportCall", "UNLocationCode", "KZ-DSK")]
    [InlineData("$.event.eventLocation.UNLocationCode", "eventLocation", "UNLocationCode", "kzdsk")]
    [InlineData("$.event.equipmentReference", null, "equipmentReference", "CSQU3054384")]
    [InlineData("$.event.equipmentEventTypeCode", null, "equipmentEventTypeCode", "FLY")]
    [InlineData("$.event.eventDateTime", null, "eventDateTime", "2026-12-03 06:00")]
    [InlineData("$.event.colour", null, "colour", "blue")]
    public async Task A_bad_event_field_is_named_and_nothing_is_written(string path, string? parent, string field, string value)
    {
        var shipment = await record.SharedShipmentAsync();
        var json = EventApi.Event(shipment, "EQUIPMENT", "LOAD");
        if (parent is null)
        {
            json[field] = value;
        }
        else
        {
            json[parent]![field] = value;
        }

        var before = await EventApi.CountAsync(record.Factory);
        var response = await EventApi.PostAsync(record.Client("carrier"), shipment, EventApi.Envelope(json, record.Key("carrier")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Api.ProblemAsync(response))["errors"]![path]);
        Assert.Equal(before, await EventApi.CountAsync(record.Factory));
    }

    [Fact]
    public async Task An_unknown_event_code_of_another_family_is_refused()
    {
        var shipment = await record.SharedShipmentAsync();
        var json = EventApi.Event(shipment, "TRANSPORT", "DEPA");
        json["transportEventTypeCode"] = "GTIN";

        var response = await EventApi.PostAsync(record.Client("carrier"), shipment, EventApi.Envelope(json, record.Key("carrier")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Api.ProblemAsync(response))["errors"]!["$.event.transportEventTypeCode"]);
    }

    [Fact]
    public async Task An_oversized_body_is_413_and_writes_nothing()
    {
        var shipment = await record.SharedShipmentAsync();
        var json = EventApi.Event(shipment, "TRANSPORT", "DEPA");
        json["documentID"] = new string('x', 70_000);
        var before = await EventApi.CountAsync(record.Factory);

        var response = await record.Client("carrier").PostAsync($"/api/shipments/{shipment}/events", Api.Json(new JsonObject { ["event"] = json, ["signature"] = "x" }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await Api.ProblemAsync(response);
        Assert.Equal(before, await EventApi.CountAsync(record.Factory));
    }

    private async Task<HttpResponseMessage> PostRawAsync(string body)
    {
        var shipment = await record.SharedShipmentAsync();
        return await record.Client("carrier").PostAsync($"/api/shipments/{shipment}/events", new StringContent(body, Encoding.UTF8, "application/json"));
    }
}
