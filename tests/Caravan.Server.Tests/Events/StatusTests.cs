using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Events;

/// <summary>
/// A shipment's status and latest event are derived from its chain: on every read of the shipment, and in the list
/// whenever the chain has grown since the list last derived it.
/// </summary>
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

    [Fact]
    public async Task The_list_shows_each_event_as_soon_as_it_is_appended()
    {
        var shipment = await record.NewShipmentAsync();
        Assert.Equal(("booked", null), await ListedAsync(shipment));
        Assert.Equal(("booked", null), await ListedAsync(shipment));

        foreach (var (code, place, state, minute) in new[] { ("DEPA", "CNXIY", "inTransit", 0), ("ARRI", "KZDSK", "atTerminal", 10), ("DEPA", "KZDSK", "inTransit", 20) })
        {
            var appended = EventApi.Event(shipment, "TRANSPORT", code, place: place, minute: minute);
            await EventApi.AppendAsync(record.Client("carrier"), shipment, appended, record.Key("carrier"));
            Assert.Equal((state, appended["eventID"]!.GetValue<string>()), await ListedAsync(shipment));
            Assert.Equal((state, appended["eventID"]!.GetValue<string>()), await ListedAsync(shipment));
        }
    }

    private async Task<string> StatusAsync(string shipment) =>
        (await record.Client("forwarder").GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}"))!["status"]!.GetValue<string>();

    /// <summary>The shipment's status and latest event id as the forwarder's list shows them.</summary>
    private async Task<(string Status, string? LatestEventId)> ListedAsync(string shipment)
    {
        var listed = (await record.Client("forwarder").GetFromJsonAsync<JsonArray>("/api/shipments"))!.First(s => s!["id"]!.GetValue<string>() == shipment)!;
        return (listed["status"]!.GetValue<string>(), listed["latestEvent"]?["eventID"]?.GetValue<string>());
    }
}
