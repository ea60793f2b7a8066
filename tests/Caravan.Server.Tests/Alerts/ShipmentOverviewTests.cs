using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Caravan.Server.Tests.Alerts.Tracking;

namespace Caravan.Server.Tests.Alerts;

/// <summary>
/// What the dashboard's shipment list and page read beside the chain: each shipment's unresolved alerts by state, in
/// the list and on the shipment, and where its containers' trackers last saw them — for every party on the shipment,
/// not only the device's owner, and for no one else.
/// </summary>
public sealed class ShipmentOverviewTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private DateTimeOffset Now => server.Factory.Clock.GetUtcNow();

    [Fact]
    public async Task The_list_counts_each_shipments_unresolved_alerts_by_state_for_every_party_on_it()
    {
        var quiet = await BookAsync(server.Forwarder);
        var shaken = await BookAsync(server.Forwarder);
        var t0 = Now.AddHours(-2);
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-overview-shock", shaken, t0.AddHours(-1));
        await ReportAsync(device, Reading(t0, EnRoute, shock: 0.2), Reading(t0.AddMinutes(10), EnRoute, shock: 7.5));
        var alert = await AlertInStateAsync(server.Forwarder, shaken, "shock", "open");

        Assert.Equal((1, 0), Counts(await ListedAsync(server.Forwarder, shaken)));
        Assert.Equal((0, 0), Counts(await ListedAsync(server.Forwarder, quiet)));
        Assert.Equal((1, 0), Counts(await ListedAsync(server.Consignee, shaken)));

        var acknowledged = await server.Consignee.PostAsync($"/api/alerts/{alert["id"]}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal((0, 1), Counts(await ListedAsync(server.Forwarder, shaken)));
        Assert.Equal((0, 1), Counts((await server.Forwarder.GetFromJsonAsync<JsonObject>($"/api/shipments/{shaken}"))!));

        // Quiet for an hour: the shock alert resolves, and is no longer counted.
        await ReportAsync(device, Reading(t0.AddMinutes(20), EnRoute, shock: 0.1), Reading(t0.AddMinutes(90), EnRoute, shock: 0.1));
        await AlertInStateAsync(server.Forwarder, shaken, "shock", "resolved");
        Assert.Equal((0, 0), Counts(await ListedAsync(server.Forwarder, shaken)));

        var others = (await server.OtherForwarder.GetFromJsonAsync<JsonArray>("/api/shipments"))!;
        Assert.DoesNotContain(others, s => s!["id"]!.GetValue<string>() == shaken);
    }

    [Fact]
    public async Task Positions_give_each_bound_trackers_newest_reading_to_every_party_on_the_shipment_and_404_to_others()
    {
        var shipment = await BookAsync(server.Forwarder);
        var none = (await server.Forwarder.GetFromJsonAsync<JsonArray>($"/api/shipments/{shipment}/positions"))!;
        Assert.Empty(none);

        var t0 = Now.AddHours(-3);
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-overview-where", shipment, t0.AddHours(-1));
        var bound = (await server.Forwarder.GetFromJsonAsync<JsonArray>($"/api/shipments/{shipment}/positions"))!;
        Assert.Null(Assert.Single(bound)!["reading"]);

        // Posted out of order: the newest by time is the one shown.
        await ReportAsync(device, Reading(t0.AddMinutes(30), EnRoute, temperature: 4), Reading(t0, Xian, temperature: 5));
        foreach (var party in new[] { server.Forwarder, server.Consignee })
        {
            var position = Assert.Single((await party.GetFromJsonAsync<JsonArray>($"/api/shipments/{shipment}/positions"))!)!;
            Assert.Equal("trk-overview-where", position["device"]!.GetValue<string>());
            Assert.Equal(Container, position["container"]!.GetValue<string>());
            Assert.Null(position["to"]);
            var reading = position["reading"]!;
            Assert.Equal(t0.AddMinutes(30), reading["time"]!.GetValue<DateTimeOffset>());
            Assert.Equal(EnRoute.Lat, reading["lat"]!.GetValue<double>(), 6);
            Assert.Equal(EnRoute.Lon, reading["lon"]!.GetValue<double>(), 6);
            Assert.Equal(4, reading["temperature"]!.GetValue<double>());
        }

        var other = await server.OtherForwarder.GetAsync($"/api/shipments/{shipment}/positions");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var missing = await server.OtherForwarder.GetAsync("/api/shipments/CRV-0000000000/positions");
        Assert.Equal((await missing.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.ToJsonString(), (await other.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.ToJsonString());
    }

    [Fact]
    public async Task After_unbinding_the_position_is_the_last_reading_within_the_binding()
    {
        var shipment = await BookAsync(server.Forwarder);
        var t0 = Now.AddHours(-5);
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-overview-unbound", shipment, t0.AddHours(-1));
        await ReportAsync(device, Reading(t0, Xian));
        var unbound = await server.Forwarder.PostAsJsonAsync("/api/devices/trk-overview-unbound/unbind", new { to = Iso(t0.AddMinutes(30)) });
        Assert.Equal(HttpStatusCode.OK, unbound.StatusCode);
        await ReportAsync(device, Reading(t0.AddHours(2), Siberia));

        var position = Assert.Single((await server.Consignee.GetFromJsonAsync<JsonArray>($"/api/shipments/{shipment}/positions"))!)!;
        Assert.Equal(t0.AddMinutes(30), position["to"]!.GetValue<DateTimeOffset>());
        Assert.Equal(t0, position["reading"]!["time"]!.GetValue<DateTimeOffset>());
    }

    private static async Task<JsonObject> ListedAsync(HttpClient party, string shipment) =>
        (await party.GetFromJsonAsync<JsonArray>("/api/shipments"))!.Single(s => s!["id"]!.GetValue<string>() == shipment)!.AsObject();

    private static (int Open, int Acknowledged) Counts(JsonObject shipment) =>
        (shipment["alerts"]!["open"]!.GetValue<int>(), shipment["alerts"]!["acknowledged"]!.GetValue<int>());
}
