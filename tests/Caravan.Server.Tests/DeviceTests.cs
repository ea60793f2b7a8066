using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Telemetry;
using Caravan.Storage;
using Caravan.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Tests;

/// <summary>Devices: registration with a token of their own, shown once and stored hashed, and bindings to shipment containers.</summary>
public sealed class DeviceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Container = "CSQU3054383";

    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private IDeviceStore Store => server.Factory.Services.GetRequiredService<IDeviceStore>();

    [Fact]
    public async Task Registering_a_device_shows_its_token_once_and_stores_only_its_hash()
    {
        var created = await server.Forwarder.PostAsJsonAsync("/api/devices", new { id = "trk-hash", kind = "gps-tracker", label = "Tracker on CSQU" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var device = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var token = device["token"]!.GetValue<string>();
        Assert.Equal(43, token.Length);
        Assert.Equal("xian-fwd", device["owner"]!.GetValue<string>());
        Assert.Equal("gps-tracker", device["kind"]!.GetValue<string>());

        var read = (await server.Forwarder.GetFromJsonAsync<JsonObject>("/api/devices/trk-hash"))!;
        Assert.Null(read["token"]);
        Assert.Equal("Tracker on CSQU", read["label"]!.GetValue<string>());
        var listed = (await server.Forwarder.GetFromJsonAsync<JsonArray>("/api/devices"))!;
        Assert.Contains(listed, d => d!["id"]!.GetValue<string>() == "trk-hash" && d["token"] is null);

        var database = server.Factory.Services.GetRequiredService<SqliteDatabase>();
        await using var connection = await database.OpenReaderAsync(CancellationToken.None);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT token_hash, id, owner_id, kind, coalesce(label, '') FROM devices WHERE id = 'trk-hash'";
        await using var reader = await select.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(AccessTokens.Hash(token), (byte[])reader[0]);
        for (var column = 1; column < reader.FieldCount; column++)
        {
            Assert.DoesNotContain(token, reader.GetString(column), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_device_token_is_refused_on_party_endpoints_and_a_party_token_is_not_a_device()
    {
        var (owner, partyToken) = await server.Factory.PartyAsync("device-owner", "forwarder");
        var token = await RegisterAsync(owner, "trk-tokens");
        using var asDevice = server.Factory.WithToken(token);

        foreach (var path in new[] { "/api/me", "/api/devices", "/api/shipments" })
        {
            var response = await asDevice.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("not known", (await Api.ProblemAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal("trk-tokens", (await Store.FindByTokenAsync(token, CancellationToken.None))!.Id.Value);
        Assert.Null(await Store.FindByTokenAsync(partyToken, CancellationToken.None));
        Assert.Null(await Store.FindByTokenAsync(CaravanFactory.AdminToken, CancellationToken.None));
    }

    [Fact]
    public async Task Another_partys_device_is_404_and_the_admin_token_is_403()
    {
        await RegisterAsync(server.Forwarder, "trk-private");

        Assert.Equal(HttpStatusCode.NotFound, (await server.OtherForwarder.GetAsync("/api/devices/trk-private")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.OtherForwarder.GetAsync("/api/devices/trk-private/bindings")).StatusCode);
        Assert.DoesNotContain(await server.OtherForwarder.GetFromJsonAsync<JsonArray>("/api/devices") ?? [], d => d!["id"]!.GetValue<string>() == "trk-private");
        using var admin = server.Factory.Admin();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task A_bad_or_duplicate_registration_names_each_field_and_stores_nothing()
    {
        var bad = await server.Carrier.PostAsync("/api/devices", Api.Json(new JsonObject { ["id"] = "no spaces", ["kind"] = "satellite" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Api.ProblemAsync(bad))["errors"]!.AsObject();
        Assert.Contains("gps-tracker", errors["$.kind"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(errors["$.id"]);
        var missing = await server.Carrier.PostAsync("/api/devices", Api.Json(new JsonObject()));
        Assert.Equal(["$.id", "$.kind"], (await Api.ProblemAsync(missing))["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Empty((await server.Carrier.GetFromJsonAsync<JsonArray>("/api/devices"))!);

        await RegisterAsync(server.Forwarder, "trk-twice");
        var again = await server.Carrier.PostAsJsonAsync("/api/devices", new { id = "trk-twice", kind = "phone" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await Api.ProblemAsync(again);
        Assert.Empty((await server.Carrier.GetFromJsonAsync<JsonArray>("/api/devices"))!);
        Assert.Equal("xian-fwd", (await Store.FindAsync(DeviceId.Parse("trk-twice"), CancellationToken.None))!.Owner.Value);
    }

    [Fact]
    public async Task A_batch_registers_every_device_with_its_own_token_and_each_token_finds_its_device()
    {
        var fleet = new JsonArray([.. Enumerable.Range(0, 300).Select(i => (JsonNode)new JsonObject { ["id"] = $"fleet-{i:D3}", ["kind"] = "gps-tracker", ["label"] = i == 7 ? " reefer 7 " : null })]);
        var created = await server.Forwarder.PostAsync("/api/devices/batch", Api.Json(new JsonObject { ["devices"] = fleet }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var devices = (await created.Content.ReadFromJsonAsync<JsonObject>())!["devices"]!.AsArray();
        Assert.Equal(300, devices.Count);
        Assert.Equal([.. Enumerable.Range(0, 300).Select(i => $"fleet-{i:D3}")], devices.Select(d => d!["id"]!.GetValue<string>()));
        Assert.Equal("reefer 7", devices[7]!["label"]!.GetValue<string>());
        var tokens = devices.Select(d => d!["token"]!.GetValue<string>()).ToList();
        Assert.Equal(300, tokens.Distinct(StringComparer.Ordinal).Count());
        foreach (var i in new[] { 0, 7, 150, 299 })
        {
            var found = await Store.FindByTokenAsync(tokens[i], CancellationToken.None);
            Assert.Equal($"fleet-{i:D3}", found!.Id.Value);
            Assert.Equal("xian-fwd", found.Owner.Value);
        }

        var listed = (await server.Forwarder.GetFromJsonAsync<JsonArray>("/api/devices"))!;
        Assert.Equal(300, listed.Count(d => d!["id"]!.GetValue<string>().StartsWith("fleet-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_batch_with_a_bad_repeated_or_taken_device_stores_none_of_it()
    {
        await RegisterAsync(server.Forwarder, "batch-taken");
        JsonObject Batch(params JsonNode?[] devices) => new() { ["devices"] = new JsonArray(devices) };
        JsonObject Device(string id, string kind = "phone") => new() { ["id"] = id, ["kind"] = kind };

        var bad = await server.Carrier.PostAsync("/api/devices/batch", Api.Json(Batch(Device("batch-a"), Device("no spaces"), Device("batch-b", "satellite"), null, Device("batch-a"))));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Api.ProblemAsync(bad))["errors"]!.AsObject();
        Assert.Equal(["$.devices[1].id", "$.devices[2].kind", "$.devices[3]", "$.devices[4].id"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("$.devices[0]", errors["$.devices[4].id"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var taken = await server.Carrier.PostAsync("/api/devices/batch", Api.Json(Batch(Device("batch-c"), Device("batch-taken"))));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("'batch-taken'", (await Api.ProblemAsync(taken))["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var empty = await server.Carrier.PostAsync("/api/devices/batch", Api.Json(Batch()));
        Assert.NotNull((await Api.ProblemAsync(empty))["errors"]!["$.devices"]);
        var tooMany = await server.Carrier.PostAsync("/api/devices/batch", Api.Json(Batch([.. Enumerable.Range(0, 1001).Select(i => (JsonNode)Device($"batch-many-{i}"))])));
        Assert.Contains("1000", (await Api.ProblemAsync(tooMany))["errors"]!["$.devices"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Empty((await server.Carrier.GetFromJsonAsync<JsonArray>("/api/devices"))!);
        Assert.Equal("xian-fwd", (await Store.FindAsync(DeviceId.Parse("batch-taken"), CancellationToken.None))!.Owner.Value);
    }

    [Fact]
    public async Task A_binding_needs_a_container_of_a_shipment_the_owner_holds_a_role_in_and_only_one_may_be_open()
    {
        var shipment = await ShipmentAsync();
        await RegisterAsync(server.Forwarder, "trk-rules");
        await RegisterAsync(server.OtherForwarder, "trk-outsider");

        var wrongContainer = await Bind(server.Forwarder, "trk-rules", shipment, "MSCU1234566");
        Assert.Equal(HttpStatusCode.BadRequest, wrongContainer.StatusCode);
        Assert.Contains("not on shipment", (await Api.ProblemAsync(wrongContainer))["errors"]!["$.container"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var badNumber = await Bind(server.Forwarder, "trk-rules", shipment, "CSQU3054384");
        Assert.NotNull((await Api.ProblemAsync(badNumber))["errors"]!["$.container"]);
        var noShipment = await server.Forwarder.PostAsync("/api/devices/trk-rules/bindings", Api.Json(new JsonObject { ["container"] = Container }));
        Assert.NotNull((await Api.ProblemAsync(noShipment))["errors"]!["$.shipment"]);

        var othersShipment = await Bind(server.OtherForwarder, "trk-outsider", shipment, Container);
        Assert.Equal(HttpStatusCode.NotFound, othersShipment.StatusCode);
        Assert.Contains("$.shipment", (await Api.ProblemAsync(othersShipment))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var othersDevice = await Bind(server.OtherForwarder, "trk-rules", shipment, Container);
        Assert.Equal(HttpStatusCode.NotFound, othersDevice.StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await Bind(server.Forwarder, "trk-rules", shipment, Container, T0)).StatusCode);
        var twice = await Bind(server.Forwarder, "trk-rules", shipment, Container, T0.AddDays(1));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        await Api.ProblemAsync(twice);

        Assert.Single((await server.Forwarder.GetFromJsonAsync<JsonArray>("/api/devices/trk-rules/bindings"))!);
        Assert.Empty(await Store.ListBindingsAsync(DeviceId.Parse("trk-outsider"), CancellationToken.None));
    }

    [Fact]
    public async Task Unbinding_closes_the_binding_and_the_binding_in_force_at_a_time_is_found()
    {
        var first = await ShipmentAsync();
        var second = await ShipmentAsync();
        await RegisterAsync(server.Forwarder, "trk-periods");
        var device = DeviceId.Parse("trk-periods");

        Assert.Equal(HttpStatusCode.NotFound, (await server.Forwarder.DeleteAsync("/api/devices/trk-periods/bindings/current")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Bind(server.Forwarder, "trk-periods", first, Container, T0)).StatusCode);
        var early = await server.Forwarder.PostAsync("/api/devices/trk-periods/unbind", Api.Json(new JsonObject { ["to"] = "2026-11-30T00:00:00Z" }));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.NotNull((await Api.ProblemAsync(early))["errors"]!["$.to"]);

        var closed = await server.Forwarder.PostAsync("/api/devices/trk-periods/unbind", Api.Json(new JsonObject { ["to"] = "2026-12-10T00:00:00Z" }));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var overlapping = await Bind(server.Forwarder, "trk-periods", second, Container, T0.AddDays(5));
        Assert.Equal(HttpStatusCode.Conflict, overlapping.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Bind(server.Forwarder, "trk-periods", second, Container, T0.AddDays(12))).StatusCode);
        server.Factory.Clock.SetUtcNow(T0.AddDays(20));
        Assert.Equal(HttpStatusCode.OK, (await server.Forwarder.DeleteAsync("/api/devices/trk-periods/bindings/current")).StatusCode);

        var bindings = (await server.Forwarder.GetFromJsonAsync<JsonArray>("/api/devices/trk-periods/bindings"))!;
        Assert.Equal(2, bindings.Count);
        Assert.Equal([first, second], bindings.Select(b => b!["shipment"]!.GetValue<string>()));
        Assert.Equal(T0.AddDays(9), bindings[0]!["to"]!.GetValue<DateTimeOffset>());
        Assert.Equal(T0.AddDays(20), bindings[1]!["to"]!.GetValue<DateTimeOffset>());

        Assert.Null(await Store.FindBindingAsync(device, T0.AddTicks(-1), CancellationToken.None));
        Assert.Equal(first, (await Store.FindBindingAsync(device, T0, CancellationToken.None))!.Shipment.Value);
        Assert.Equal(first, (await Store.FindBindingAsync(device, T0.AddDays(9).AddTicks(-1), CancellationToken.None))!.Shipment.Value);
        Assert.Null(await Store.FindBindingAsync(device, T0.AddDays(9), CancellationToken.None));
        var later = (await Store.FindBindingAsync(device, T0.AddDays(15), CancellationToken.None))!;
        Assert.Equal((second, Container), (later.Shipment.Value, later.Container.Value));
        Assert.Null(await Store.FindBindingAsync(device, T0.AddDays(20), CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_of_readings_is_grouped_by_the_binding_in_force_at_each_time_with_one_read_of_the_store()
    {
        var first = await ShipmentAsync();
        var second = await ShipmentAsync();
        await RegisterAsync(server.Forwarder, "trk-group");
        await RegisterAsync(server.Forwarder, "trk-group-idle");
        Assert.Equal(HttpStatusCode.Created, (await Bind(server.Forwarder, "trk-group", first, Container, T0)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Forwarder.PostAsync("/api/devices/trk-group/unbind", Api.Json(new JsonObject { ["to"] = "2026-12-10T00:00:00Z" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Bind(server.Forwarder, "trk-group", second, Container, T0.AddDays(12))).StatusCode);
        var bound = DeviceId.Parse("trk-group");
        TrackerReading At(DeviceId device, DateTimeOffset time) => new(device, time, new Core.Geography.GeoPoint(43.6, 51.2));
        var batch = new[]
        {
            At(bound, T0.AddDays(13)), At(bound, T0.AddHours(-1)), At(bound, T0.AddDays(2)), At(bound, T0.AddDays(1)), At(bound, T0.AddDays(1)),
            At(bound, T0.AddDays(10)), At(DeviceId.Parse("trk-group-idle"), T0.AddDays(1)), At(DeviceId.Parse("trk-group-unknown"), T0.AddDays(1)),
        };
        var counting = new CountingDeviceStore(Store);

        var groups = await Server.Telemetry.BoundReadings.GroupAsync(counting, batch, CancellationToken.None);

        Assert.Equal(1, counting.Calls);
        Assert.Equal(2, groups.Count);
        Assert.Equal(first, groups[0].Binding.Shipment.Value);
        Assert.Equal([T0.AddDays(1), T0.AddDays(2)], groups[0].Readings.Select(r => r.Time));
        Assert.Equal(second, groups[1].Binding.Shipment.Value);
        Assert.Equal([T0.AddDays(13)], groups[1].Readings.Select(r => r.Time));
        var all = await Store.ListBindingsAsync([bound, DeviceId.Parse("trk-group-idle"), DeviceId.Parse("trk-group-unknown")], CancellationToken.None);
        Assert.Equal([bound], all.Keys);
        Assert.Equal([first, second], all[bound].Select(b => b.Shipment.Value));
    }

    [Fact]
    public async Task Devices_their_tokens_and_bindings_survive_a_restart()
    {
        using var directory = new TempDirectory();
        string token;
        string partyToken;
        JsonArray before;
        await using (var factory = new CaravanFactory(directory.Path))
        {
            (var forwarder, partyToken) = await factory.PartyAsync("fwd", "forwarder");
            await factory.PartyAsync("shp", "shipper");
            await factory.PartyAsync("cns", "consignee", "DE");
            var (plan, itinerary) = await Api.PlanAsync(forwarder);
            var shipment = await Api.CreateShipmentAsync(forwarder, Api.ShipmentBody("shp", "cns", plan, itinerary));
            token = await RegisterAsync(forwarder, "reefer-1", "reefer-controller");
            Assert.Equal(HttpStatusCode.Created, (await Bind(forwarder, "reefer-1", shipment, Container, T0)).StatusCode);
            before = (await forwarder.GetFromJsonAsync<JsonArray>("/api/devices/reefer-1/bindings"))!;
        }

        await using (var restarted = new CaravanFactory(directory.Path))
        {
            using var forwarder = restarted.WithToken(partyToken);
            var device = (await forwarder.GetFromJsonAsync<JsonObject>("/api/devices/reefer-1"))!;
            Assert.Equal("reefer-controller", device["kind"]!.GetValue<string>());
            Assert.Equal(before.ToJsonString(), (await forwarder.GetFromJsonAsync<JsonArray>("/api/devices/reefer-1/bindings"))!.ToJsonString());
            var store = restarted.Services.GetRequiredService<IDeviceStore>();
            Assert.Equal("reefer-1", (await store.FindByTokenAsync(token, CancellationToken.None))!.Id.Value);
            Assert.NotNull(await store.FindBindingAsync(DeviceId.Parse("reefer-1"), T0.AddDays(1), CancellationToken.None));
        }
    }

    private static async Task<string> RegisterAsync(HttpClient owner, string id, string kind = "gps-tracker")
    {
        var response = await owner.PostAsJsonAsync("/api/devices", new { id, kind });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> Bind(HttpClient owner, string device, string shipment, string container, DateTimeOffset? from = null)
    {
        var body = new JsonObject { ["shipment"] = shipment, ["container"] = container };
        if (from is { } start)
        {
            body["from"] = start.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        return owner.PostAsync($"/api/devices/{device}/bindings", Api.Json(body));
    }

    private async Task<string> ShipmentAsync()
    {
        var (plan, itinerary) = await Api.PlanAsync(server.Forwarder);
        return await Api.CreateShipmentAsync(server.Forwarder, Api.ShipmentBody("xian-shipper", "dui-consignee", plan, itinerary));
    }
}
