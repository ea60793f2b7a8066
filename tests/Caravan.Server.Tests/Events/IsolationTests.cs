using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Events;

/// <summary>A party holding no role on a shipment sees none of its chain, through any endpoint.</summary>
public sealed class IsolationTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Fact]
    public async Task An_outsider_gets_404_for_every_chain_endpoint_and_no_events_from_v2()
    {
        var shipment = await record.NewShipmentAsync();
        var entry = await EventApi.AppendAsync(record.Client("carrier"), shipment, EventApi.Event(shipment, "TRANSPORT", "DEPA"), record.Key("carrier"));
        var outsider = record.Outsider;
        var envelope = EventApi.Envelope(EventApi.Event(shipment, "SHIPMENT", "ISSU"), record.OutsiderKey);

        foreach (var response in new[]
        {
            await outsider.GetAsync($"/api/shipments/{shipment}/events"),
            await outsider.GetAsync($"/api/shipments/{shipment}/events/1"),
            await EventApi.PostAsync(outsider, shipment, envelope),
            await EventApi.PostBatchAsync(outsider, shipment, new JsonArray(envelope)),
            await outsider.GetAsync($"/api/shipments/{shipment}/verify"),
            await outsider.GetAsync($"/api/shipments/{shipment}/bundle"),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var v2 = (await outsider.GetFromJsonAsync<JsonArray>("/v2/events?limit=1000"))!;
        Assert.DoesNotContain(v2, e => e!["shipmentID"]!.GetValue<string>() == shipment);
        var byId = (await outsider.GetFromJsonAsync<JsonArray>($"/v2/events?carrierBookingReference={shipment}"))!;
        Assert.Empty(byId);
        var insider = (await record.Client("consignee").GetFromJsonAsync<JsonArray>("/v2/events?limit=1000"))!;
        Assert.Contains(insider, e => e!["eventID"]!.GetValue<string>() == entry["eventID"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_operator_token_is_not_a_party_and_cannot_read_events()
    {
        using var admin = record.Factory.Admin();

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/v2/events")).StatusCode);
    }
}
