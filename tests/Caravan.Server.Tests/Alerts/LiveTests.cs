using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Server.Live;
using Caravan.Server.Tests.Events;
using Microsoft.Extensions.DependencyInjection;
using static Caravan.Server.Tests.Alerts.Tracking;

namespace Caravan.Server.Tests.Alerts;

/// <summary>The live feed over real HTTP: positions, chain entries and alerts of the caller's shipments only, heartbeats, and a clean end when the client goes.</summary>
public sealed class LiveTests(LiveFixture server) : IClassFixture<LiveFixture>
{
    private DateTimeOffset Now => server.Factory.Clock.GetUtcNow();

    [Fact]
    public async Task The_kestrel_server_answers_over_a_real_socket()
    {
        Assert.NotEqual("localhost", server.Forwarder.BaseAddress!.Host);
        Assert.NotEqual(80, server.Forwarder.BaseAddress.Port);
        using var anonymous = server.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/live")).StatusCode);
    }

    [Fact]
    public async Task Positions_entries_and_alerts_reach_the_parties_of_the_shipment_and_no_one_else()
    {
        using var mine = await SseStream.OpenAsync(server.Forwarder, "/api/live");
        using var theirs = await SseStream.OpenAsync(server.OtherForwarder, "/api/live");
        var shipment = await BookAsync(server.Forwarder);
        var t0 = Now.AddHours(-1);
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-live", shipment, t0.AddHours(-1));

        await ReportAsync(device, Reading(t0, EnRoute, shock: 8));
        var first = new[] { await mine.NextAsync(), await mine.NextAsync() }.OrderBy(e => e.Event, StringComparer.Ordinal).ToList();
        Assert.Equal(["alert", "position"], first.Select(e => e.Event));
        Assert.Equal("shock", first[0].Data["alert"]!["kind"]!.GetValue<string>());
        Assert.Equal("alert.opened", first[0].Data["event"]!.GetValue<string>());
        Assert.Equal(shipment, first[1].Data["shipment"]!.GetValue<string>());
        Assert.Equal("trk-live", first[1].Data["device"]!.GetValue<string>());
        Assert.Equal(EnRoute.Lon, first[1].Data["reading"]!["lon"]!.GetValue<double>());

        var key = await EventApi.RegisterKeyAsync(server.Forwarder, "xian-fwd");
        var entry = await EventApi.AppendAsync(server.Forwarder, shipment, EventApi.Event(shipment, "SHIPMENT", "RECE"), key);
        var (name, data) = await mine.NextAsync();
        Assert.Equal("entry", name);
        Assert.Equal(entry["entryHash"]!.GetValue<string>(), data["entryHash"]!.GetValue<string>());
        Assert.Equal(shipment, data["shipmentID"]!.GetValue<string>());

        // Everything above was published before this: the other party's first event is its own.
        var own = await BookAsync(server.OtherForwarder);
        using var ownDevice = await BoundDeviceAsync(server.Factory, server.OtherForwarder, "trk-live-other", own, t0.AddHours(-1));
        await ReportAsync(ownDevice, Reading(t0, EnRoute));
        var (theirFirst, theirData) = await theirs.NextAsync();
        Assert.Equal("position", theirFirst);
        Assert.Equal(own, theirData["shipment"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_newest_positions_are_there_for_a_map_that_opens_later_and_only_for_the_parties_of_the_shipment()
    {
        var shipment = await BookAsync(server.Forwarder);
        var t0 = Now.AddHours(-2);
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-live-latest", shipment, t0.AddHours(-1));
        var later = Reading(t0.AddMinutes(30), EnRoute);
        await ReportAsync(device, later);
        // An older reading arriving late is stored, but the newest position stands.
        await ReportAsync(device, Reading(t0, Xian));

        var position = await EventuallyAsync(
            async () => (await server.Forwarder.GetFromJsonAsync<JsonObject>("/api/live/positions"))!["positions"]!.AsArray()
                .Select(p => p!.AsObject()).FirstOrDefault(p => p["device"]!.GetValue<string>() == "trk-live-latest"),
            "the position of trk-live-latest");
        Assert.Equal(shipment, position["shipment"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(position["container"]!.GetValue<string>()));
        Assert.Equal(EnRoute.Lon, position["reading"]!["lon"]!.GetValue<double>());
        Assert.Equal(EnRoute.Lat, position["reading"]!["lat"]!.GetValue<double>());
        Assert.Equal(later["time"]!.GetValue<string>(), Iso(position["reading"]!["time"]!.GetValue<DateTimeOffset>()));

        var theirs = (await server.OtherForwarder.GetFromJsonAsync<JsonObject>("/api/live/positions"))!["positions"]!.AsArray();
        Assert.DoesNotContain(theirs, p => p!["shipment"]!.GetValue<string>() == shipment);
        using var anonymous = server.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/live/positions")).StatusCode);
    }

    [Fact]
    public async Task A_stream_narrowed_to_a_shipment_and_to_alerts_carries_only_those()
    {
        var shipment = await BookAsync(server.Forwarder);
        var other = await BookAsync(server.Forwarder);
        using var alertsOnly = await SseStream.OpenAsync(server.Forwarder, $"/api/live?shipment={shipment}&types=alert");
        var t0 = Now.AddHours(-1);
        using var elsewhere = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-live-elsewhere", other, t0.AddHours(-1));
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-live-narrow", shipment, t0.AddHours(-1));

        await ReportAsync(elsewhere, Reading(t0, EnRoute, shock: 9));
        await AlertInStateAsync(server.Forwarder, other, "shock", "open");
        await ReportAsync(device, Reading(t0, EnRoute, shock: 9));

        var (name, data) = await alertsOnly.NextAsync();
        Assert.Equal("alert", name);
        Assert.Equal(shipment, data["alert"]!["shipment"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_filter_is_a_problem_and_another_partys_shipment_is_404()
    {
        var shipment = await BookAsync(server.Forwarder);
        var types = await server.Forwarder.GetAsync("/api/live?types=position,weather");
        Assert.Equal(HttpStatusCode.BadRequest, types.StatusCode);
        Assert.NotNull((await Api.ProblemAsync(types))["errors"]!["types"]);
        var theirs = await server.OtherForwarder.GetAsync($"/api/live?shipment={shipment}");
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal("application/problem+json", theirs.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_idle_stream_sends_heartbeats_and_ends_cleanly_when_the_client_goes()
    {
        var hub = server.Factory.Services.GetRequiredService<LiveHub>();
        var before = hub.Streams;
        using (var idle = await SseStream.OpenAsync(server.Forwarder, "/api/live"))
        {
            Assert.Equal(before + 1, hub.Streams);
            server.Factory.Clock.Advance(TimeSpan.FromSeconds(15));
            Assert.Equal(": heartbeat", await idle.NextCommentAsync());
            server.Factory.Clock.Advance(TimeSpan.FromSeconds(15));
            Assert.Equal(": heartbeat", await idle.NextCommentAsync());
        }

        // A client that goes is noticed when the connection closes, or at the latest by the next heartbeat's write.
        await EventuallyAsync(
            () =>
            {
                server.Factory.Clock.Advance(TimeSpan.FromSeconds(15));
                return Task.FromResult(hub.Streams <= before ? hub : null);
            },
            "the stream to end on the server");
    }
}
