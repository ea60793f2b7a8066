using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Events;

/// <summary>A shipment's status and latest event are derived from its chain on every read.</summary>
public sealed class StatusTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Fact]
    public async Task The_status_follows_the_chain_from_booked_to_delivered()
    {
        var shipment = await record.NewShipmentAsync();
        Assert.Equal("booked", await StatusAsync(shipment));

        await EventApi.AppendAsync(record.Client("carrier"), shipment, EventApi.Event(shipment, "TRANSPORT", "DEPA", place: "CNXIY", minute: 0), record.Key("carrier"));
        Assert.Equal("inTransit", await StatusAsync(shipment));

        await EventApi.AppendAsync(record.Client("carrier"), shipment, EventApi.Event(shipment, "TRANSPORT", "ARRI", place: "KZDSK", minute: 10), record.Key("carrier"));
        Assert.Equal("atTerminal", await StatusAsync(shipment));

        await EventApi.AppendAsync(record.Client("customsAuthority"), shipment, EventApi.Event(shipment, "SHIPMENT", "HOLD", place: "KZDSK", minute: 20), record.Key("customsAuthority"));
        Assert.Equal("held", await StatusAsync(shipment));

        await EventApi.AppendAsync(record.Client("customsAuthority"), shipment, EventApi.Event(shipment, "SHIPMENT", "RELS", place: "KZDSK", minute: 30), record.Key("customsAuthority"));
        await EventApi.AppendAsync(record.Client("carrier"), shipment, EventApi.Event(shipment, "TRANSPORT", "DEPA", place: "KZDSK", minute: 40), record.Key("carrier"));
        Assert.Equal("inTransit", await StatusAsync(shipment));

        var arrival = EventApi.Event(shipment, "TRANSPORT", "ARRI", place: "DEDUI", minute: 50);
        await EventApi.AppendAsync(record.Client("carrier"), shipment, arrival, record.Key("carrier"));
        var final = (await record.Client("consignee").GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}"))!;
        Assert.Equal("delivered", final["status"]!.GetValue<string>());
        Assert.Equal(arrival["eventID"]!.GetValue<string>(), final["latestEvent"]!["eventID"]!.GetValue<string>());
        var listed = (await record.Client("consignee").GetFromJsonAsync<JsonArray>("/api/shipments"))!.First(s => s!["id"]!.GetValue<string>() == shipment)!;
        Assert.Equal("delivered", listed["status"]!.GetValue<string>());
    }

    private async Task<string> StatusAsync(string shipment) =>
        (await record.Client("forwarder").GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}"))!["status"]!.GetValue<string>();
}
