using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Caravan.Server.Tests.Alerts.Tracking;

namespace Caravan.Server.Tests.Alerts;

/// <summary>Alert rules end to end: readings posted by a bound tracker open and resolve alerts on its shipment, which the shipment's parties list and acknowledge, and no one else sees.</summary>
public sealed class AlertTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private DateTimeOffset Now => server.Factory.Clock.GetUtcNow();

    [Fact]
    public async Task A_reefer_outside_its_booked_range_opens_a_temperature_alert_and_back_inside_resolves_it()
    {
        var shipment = await BookAsync(server.Forwarder, (2, 8));
        var t0 = Now.AddHours(-2);
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "reefer-temp", shipment, t0.AddHours(-1));

        await ReportAsync(device, Reading(t0, EnRoute, temperature: 5), Reading(t0.AddMinutes(5), EnRoute, temperature: 11.5), Reading(t0.AddMinutes(15), EnRoute, temperature: 12));
        var open = await AlertInStateAsync(server.Forwarder, shipment, "temperatureExcursion", "open");
        Assert.Equal(t0.AddMinutes(5), open["openedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("reefer-temp", open["subject"]!.GetValue<string>());
        Assert.Contains("2.0 – 8.0 °C", open["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await ReportAsync(device, Reading(t0.AddMinutes(20), EnRoute, temperature: 6), Reading(t0.AddMinutes(31), EnRoute, temperature: 5.5));
        var resolved = await AlertInStateAsync(server.Forwarder, shipment, "temperatureExcursion", "resolved");
        Assert.Equal(open["id"]!.GetValue<long>(), resolved["id"]!.GetValue<long>());
        Assert.Equal(t0.AddMinutes(20), resolved["resolvedAt"]!.GetValue<DateTimeOffset>());
        Assert.Single(await AlertsAsync(server.Forwarder, $"?shipment={shipment}&kind=temperatureExcursion"));
    }

    [Fact]
    public async Task A_shock_and_a_door_opened_en_route_open_alerts_and_resolve_when_quiet_and_closed()
    {
        var shipment = await BookAsync(server.Forwarder);
        var t0 = Now.AddHours(-3);
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-shock-door", shipment, t0.AddHours(-1));

        // At Xi'an's terminal an open door is expected; 25 km out it is not.
        await ReportAsync(
            device,
            Reading(t0, Xian, door: "open", shock: 0.2),
            Reading(t0.AddMinutes(10), EnRoute, door: "open", shock: 6.5),
            Reading(t0.AddMinutes(15), EnRoute, door: "open", shock: 0.3));
        var shock = await AlertInStateAsync(server.Forwarder, shipment, "shock", "open");
        var door = await AlertInStateAsync(server.Forwarder, shipment, "doorOpenedEnRoute", "open");
        Assert.Equal(t0.AddMinutes(10), shock["openedAt"]!.GetValue<DateTimeOffset>());
        Assert.Contains("6.5 g", shock["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(t0.AddMinutes(10), door["openedAt"]!.GetValue<DateTimeOffset>());
        Assert.Contains("CNXIY", door["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await ReportAsync(device, Reading(t0.AddMinutes(20), EnRoute, door: "closed", shock: 0.1), Reading(t0.AddMinutes(90), EnRoute, door: "closed", shock: 0.1));
        await AlertInStateAsync(server.Forwarder, shipment, "doorOpenedEnRoute", "resolved");
        await AlertInStateAsync(server.Forwarder, shipment, "shock", "resolved");
    }

    [Fact]
    public async Task Straying_far_from_the_itinerary_opens_a_deviation_alert_that_resolves_on_return()
    {
        var shipment = await BookAsync(server.Forwarder);
        var t0 = Now.AddHours(-4);
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-deviation", shipment, t0.AddHours(-1));

        await ReportAsync(device, Reading(t0, Xian), Reading(t0.AddMinutes(10), Siberia), Reading(t0.AddMinutes(45), Siberia));
        var open = await AlertInStateAsync(server.Forwarder, shipment, "routeDeviation", "open");
        Assert.Equal(t0.AddMinutes(10), open["openedAt"]!.GetValue<DateTimeOffset>());
        Assert.Contains("km off the itinerary's corridor", open["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await ReportAsync(device, Reading(t0.AddMinutes(60), EnRoute), Reading(t0.AddMinutes(95), EnRoute));
        await AlertInStateAsync(server.Forwarder, shipment, "routeDeviation", "resolved");
    }

    [Fact]
    public async Task A_device_silent_past_its_own_timeout_opens_an_alert_and_a_fresh_fix_resolves_it()
    {
        var shipment = await BookAsync(server.Forwarder);
        var start = Now;
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-silent", shipment, start.AddHours(-1));
        var set = await server.Forwarder.PutAsJsonAsync("/api/devices/trk-silent/silence-timeout", new { minutes = 30 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.False((await set.Content.ReadFromJsonAsync<JsonObject>())!["isDefault"]!.GetValue<bool>());
        await ReportAsync(device, Reading(start.AddMinutes(-10), EnRoute));

        server.Factory.Clock.Advance(TimeSpan.FromMinutes(45));
        var open = await AlertInStateAsync(server.Forwarder, shipment, "deviceSilent", "open");
        Assert.Equal(start.AddMinutes(20), open["openedAt"]!.GetValue<DateTimeOffset>());
        Assert.Contains("30 minutes", open["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await ReportAsync(device, Reading(Now, EnRoute));
        await AlertInStateAsync(server.Forwarder, shipment, "deviceSilent", "resolved");
    }

    [Fact]
    public async Task A_party_on_the_shipment_acknowledges_an_alert_once_and_the_first_acknowledgement_stands()
    {
        var shipment = await BookAsync(server.Forwarder, parties: ("ktz", "carrier"));
        var t0 = Now.AddHours(-2);
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-ack", shipment, t0.AddHours(-1));
        await ReportAsync(device, Reading(t0, EnRoute, shock: 9));
        var id = (await AlertInStateAsync(server.Carrier, shipment, "shock", "open"))["id"]!.GetValue<long>();

        var first = await server.Carrier.PostAsync($"/api/alerts/{id}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var acknowledged = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("acknowledged", acknowledged["state"]!.GetValue<string>());
        Assert.Equal("ktz", acknowledged["acknowledgedBy"]!.GetValue<string>());

        var again = await server.Consignee.PostAsync($"/api/alerts/{id}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("ktz", (await again.Content.ReadFromJsonAsync<JsonObject>())!["acknowledgedBy"]!.GetValue<string>());
        Assert.Single(await AlertsAsync(server.Forwarder, $"?shipment={shipment}&state=acknowledged"));
        Assert.Empty(await AlertsAsync(server.Forwarder, $"?shipment={shipment}&state=open"));

        await ReportAsync(device, Reading(t0.AddMinutes(5), EnRoute, shock: 0.1), Reading(t0.AddMinutes(70), EnRoute, shock: 0.1));
        var resolved = await AlertInStateAsync(server.Forwarder, shipment, "shock", "resolved");
        Assert.Equal("ktz", resolved["acknowledgedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_party_sees_no_alert_of_a_shipment_it_holds_no_role_in()
    {
        var shipment = await BookAsync(server.Forwarder);
        var t0 = Now.AddHours(-2);
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-private-alert", shipment, t0.AddHours(-1));
        await ReportAsync(device, Reading(t0, EnRoute, shock: 12));
        var id = (await AlertInStateAsync(server.Forwarder, shipment, "shock", "open"))["id"]!.GetValue<long>();

        Assert.DoesNotContain(await AlertsAsync(server.OtherForwarder), a => a!["shipment"]!.GetValue<string>() == shipment);
        Assert.Empty(await AlertsAsync(server.OtherForwarder, $"?shipment={shipment}"));
        Assert.Equal(HttpStatusCode.NotFound, (await server.OtherForwarder.GetAsync($"/api/alerts/{id}")).StatusCode);
        var refused = await server.OtherForwarder.PostAsync($"/api/alerts/{id}/acknowledge", null);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("hold a role in", (await Api.ProblemAsync(refused))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("open", (await server.Forwarder.GetFromJsonAsync<JsonObject>($"/api/alerts/{id}"))!["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await server.OtherForwarder.GetAsync("/api/devices/trk-private-alert/silence-timeout")).StatusCode);
    }

    [Fact]
    public async Task Bad_filters_and_ids_are_problems_naming_the_parameter()
    {
        var bad = await server.Forwarder.GetAsync("/api/alerts?state=closed&kind=fire&shipment=no%20such&limit=0&before=-1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Api.ProblemAsync(bad))["errors"]!.AsObject();
        Assert.Equal(["before", "kind", "limit", "shipment", "state"], errors.Select(e => e.Key).Order());
        Assert.Contains("acknowledged", errors["state"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("temperatureExcursion", errors["kind"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await server.Forwarder.PostAsync("/api/alerts/abc/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Forwarder.GetAsync("/api/alerts/999999")).StatusCode);
        using var admin = server.Factory.Admin();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/alerts")).StatusCode);
    }

    [Fact]
    public async Task A_temperature_range_is_booked_with_the_shipment_and_a_bad_one_is_refused_by_field()
    {
        var shipment = await BookAsync(server.Forwarder, (-25, -18));
        var booked = (await server.Forwarder.GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}"))!;
        Assert.Equal(-25, booked["temperatureRange"]!["minC"]!.GetValue<double>());
        Assert.Equal(-18, booked["temperatureRange"]!["maxC"]!.GetValue<double>());

        var (plan, itinerary) = await Api.PlanAsync(server.Forwarder);
        var reversed = Api.ShipmentBody("xian-shipper", "dui-consignee", plan, itinerary);
        reversed["temperatureRange"] = new JsonObject { ["minC"] = 8, ["maxC"] = 2 };
        var refused = await server.Forwarder.PostAsync("/api/shipments", Api.Json(reversed));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("below the maximum", (await Api.ProblemAsync(refused))["errors"]!["$.temperatureRange"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        reversed["temperatureRange"] = new JsonObject { ["minC"] = 2 };
        var missing = await server.Forwarder.PostAsync("/api/shipments", Api.Json(reversed));
        Assert.NotNull((await Api.ProblemAsync(missing))["errors"]!["$.temperatureRange.maxC"]);

        var timeout = await server.Forwarder.PutAsJsonAsync("/api/devices/none/silence-timeout", new { minutes = 30 });
        Assert.Equal(HttpStatusCode.NotFound, timeout.StatusCode);
    }
}
