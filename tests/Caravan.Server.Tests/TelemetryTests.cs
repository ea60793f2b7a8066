using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Telemetry;
using Caravan.Server.Telemetry;
using Caravan.Storage;
using Microsoft.Extensions.DependencyInjection;

using static Caravan.Server.Tests.TelemetryData;

namespace Caravan.Server.Tests;

/// <summary>Telemetry over HTTP: JSON batches and the OsmAnd protocol with device tokens, durable before the answer, and a device's track.</summary>
public sealed class TelemetryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    // The test clock stands at 2026-11-20T09:00Z; readings are from the day before.
    private static readonly DateTimeOffset T0 = new(2026, 11, 19, 12, 0, 0, TimeSpan.Zero);

    private IReadingStore Store => server.Factory.Services.GetRequiredService<IReadingStore>();

    [Fact]
    public async Task A_batch_is_accepted_with_202_and_is_in_the_store_when_answered()
    {
        using var device = await DeviceAsync(server.Factory, server.Forwarder, "trk-batch");
        var response = await device.PostAsync("/api/telemetry", Api.Json(Batch(Reading(T0, 43.6), Reading(T0.AddMinutes(1), 43.61, temperature: 4.5, door: "closed"))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, body["accepted"]!.GetValue<int>());
        Assert.Equal(0, body["duplicates"]!.GetValue<int>());
        Assert.Equal(0, body["rejected"]!.GetValue<int>());
        Assert.Empty(body["problems"]!.AsArray());

        var track = await Store.TrackAsync(DeviceId.Parse("trk-batch"), null, null, 10, CancellationToken.None);
        Assert.Equal([T0, T0.AddMinutes(1)], track.Select(r => r.Time));
        Assert.Equal(4.5, track[1].TemperatureC);
        Assert.Equal(DoorState.Closed, track[1].Door);
        Assert.Equal(51.1, track[0].Position.Longitude);
    }

    [Fact]
    public async Task Readings_are_published_to_followers_after_they_are_durable()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var follower = server.Factory.Services.GetRequiredService<StoredReadingsFeed>().Subscribe("test", stop.Token);
        using var device = await DeviceAsync(server.Factory, server.Forwarder, "trk-feed");

        var response = await device.PostAsync("/api/telemetry", Api.Json(Batch(Reading(T0, 43.6), Reading(T0.AddMinutes(1), 43.61))));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var osmand = await device.GetAsync("/api/osmand?id=trk-feed&lat=43.7&lon=51.2&timestamp=" + T0.AddMinutes(2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, osmand.StatusCode);

        var seen = new List<TrackerReading>();
        while (seen.Count(r => r.Device.Value == "trk-feed") < 3)
        {
            seen.AddRange(await follower.ReadAsync(stop.Token));
        }

        var mine = seen.Where(r => r.Device.Value == "trk-feed").ToList();
        Assert.Equal([T0, T0.AddMinutes(1), T0.AddMinutes(2)], mine.Select(r => r.Time));
        var stored = await Store.TrackAsync(DeviceId.Parse("trk-feed"), null, null, 10, CancellationToken.None);
        Assert.Equal(3, stored.Count);
    }

    [Fact]
    public async Task A_single_reading_object_is_accepted()
    {
        using var device = await DeviceAsync(server.Factory, server.Forwarder, "trk-single");
        var response = await device.PostAsync("/api/telemetry", Api.Json(Reading(T0, 40.1)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(await Store.TrackAsync(DeviceId.Parse("trk-single"), null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Accepted_readings_survive_a_restart()
    {
        using var directory = new TempDirectory();
        string owner;
        await using (var factory = new CaravanFactory(directory.Path))
        {
            (var forwarder, owner) = await factory.PartyAsync("fwd", "forwarder");
            using var device = await DeviceAsync(factory, forwarder, "trk-restart");
            var response = await device.PostAsync("/api/telemetry", Api.Json(Batch(Reading(T0, 43.6), Reading(T0.AddMinutes(5), 43.7), Reading(T0.AddMinutes(10), 43.8))));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await using (var restarted = new CaravanFactory(directory.Path))
        {
            using var forwarder = restarted.WithToken(owner);
            var track = (await forwarder.GetFromJsonAsync<JsonObject>("/api/devices/trk-restart/track"))!;
            Assert.Equal(3, track["count"]!.GetValue<int>());
            Assert.Equal([43.6, 43.7, 43.8], track["readings"]!.AsArray().Select(r => r!["lat"]!.GetValue<double>()));
        }
    }

    [Fact]
    public async Task A_repeated_device_and_time_is_stored_once_and_counted_as_a_duplicate()
    {
        using var device = await DeviceAsync(server.Factory, server.Forwarder, "trk-dup");
        var first = await device.PostAsync("/api/telemetry", Api.Json(Batch(Reading(T0, 43.6), Reading(T0.AddMinutes(1), 43.61))));
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!.GetValue<int>());

        var again = await device.PostAsync("/api/telemetry", Api.Json(Batch(Reading(T0, 43.6), Reading(T0.AddMinutes(2), 43.62), Reading(T0.AddMinutes(2), 43.99))));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var body = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, body["accepted"]!.GetValue<int>());
        Assert.Equal(2, body["duplicates"]!.GetValue<int>());
        Assert.Equal(0, body["rejected"]!.GetValue<int>());

        var track = await Store.TrackAsync(DeviceId.Parse("trk-dup"), null, null, 10, CancellationToken.None);
        Assert.Equal([43.6, 43.61, 43.62], track.Select(r => r.Position.Latitude));
    }

    [Fact]
    public async Task Readings_out_of_order_are_accepted_and_the_track_is_in_time_order()
    {
        using var device = await DeviceAsync(server.Factory, server.Forwarder, "trk-order");
        Assert.Equal(HttpStatusCode.Accepted, (await device.PostAsync("/api/telemetry", Api.Json(Batch(Reading(T0.AddMinutes(30), 43.3), Reading(T0.AddMinutes(10), 43.1))))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await device.PostAsync("/api/telemetry", Api.Json(Reading(T0.AddMinutes(20), 43.2)))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await device.PostAsync("/api/telemetry", Api.Json(Reading(T0, 43.0)))).StatusCode);

        var track = (await server.Forwarder.GetFromJsonAsync<JsonObject>("/api/devices/trk-order/track"))!;
        Assert.Equal("trk-order", track["device"]!.GetValue<string>());
        Assert.Equal([43.0, 43.1, 43.2, 43.3], track["readings"]!.AsArray().Select(r => r!["lat"]!.GetValue<double>()));
        Assert.Equal(
            [T0, T0.AddMinutes(10), T0.AddMinutes(20), T0.AddMinutes(30)],
            track["readings"]!.AsArray().Select(r => r!["time"]!.GetValue<DateTimeOffset>()));
    }

    [Fact]
    public async Task The_track_is_bounded_by_from_to_and_limit()
    {
        using var device = await DeviceAsync(server.Factory, server.Forwarder, "trk-range");
        var readings = Enumerable.Range(0, 10).Select(i => Reading(T0.AddMinutes(i), 43 + (i / 100.0))).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await device.PostAsync("/api/telemetry", Api.Json(Batch(readings)))).StatusCode);

        var from = T0.AddMinutes(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var to = T0.AddMinutes(8).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var window = (await server.Forwarder.GetFromJsonAsync<JsonObject>($"/api/devices/trk-range/track?from={from}&to={to}"))!;
        Assert.Equal([T0.AddMinutes(2), T0.AddMinutes(7)], new[] { window["readings"]![0]!, window["readings"]![5]! }.Select(r => r["time"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(6, window["count"]!.GetValue<int>());
        Assert.False(window["truncated"]!.GetValue<bool>());

        var limited = (await server.Forwarder.GetFromJsonAsync<JsonObject>($"/api/devices/trk-range/track?from={from}&limit=3"))!;
        Assert.Equal(3, limited["count"]!.GetValue<int>());
        Assert.True(limited["truncated"]!.GetValue<bool>());
        Assert.Equal(T0.AddMinutes(4), limited["readings"]![2]!["time"]!.GetValue<DateTimeOffset>());

        foreach (var limit in new[] { "0", "100001", "many" })
        {
            var refused = await server.Forwarder.GetAsync($"/api/devices/trk-range/track?limit={limit}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull((await Api.ProblemAsync(refused))["errors"]!["limit"]);
        }
    }

    [Fact]
    public async Task A_batch_with_bad_readings_stores_the_good_ones_and_names_the_bad_by_index_and_field()
    {
        using var device = await DeviceAsync(server.Factory, server.Forwarder, "trk-mixed");
        using var rejections = new RejectionCounter(server.Factory.Services.GetRequiredService<IMeterFactory>());
        var batch = Batch(Reading(T0, 43.6), Reading(T0.AddMinutes(1), 91), Reading(T0.AddMinutes(2), 43.62), Reading(new DateTimeOffset(3000, 1, 1, 0, 0, 0, TimeSpan.Zero), 43.63));

        var response = await device.PostAsync("/api/telemetry", Api.Json(batch));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, body["accepted"]!.GetValue<int>());
        Assert.Equal(2, body["rejected"]!.GetValue<int>());
        var fields = body["problems"]!.AsArray().Select(p => p!["field"]!.GetValue<string>()).ToList();
        Assert.Equal(["$[1].lat", "$[3].time"], fields);
        var track = await Store.TrackAsync(DeviceId.Parse("trk-mixed"), null, null, 10, CancellationToken.None);
        Assert.Equal([43.6, 43.62], track.Select(r => r.Position.Latitude));
        Assert.Equal(1, rejections.Of("lat"));
        Assert.Equal(1, rejections.Of("time"));
    }

    [Fact]
    public async Task A_payload_with_no_valid_reading_is_400_and_stores_nothing()
    {
        using var device = await DeviceAsync(server.Factory, server.Forwarder, "trk-allbad");
        var response = await device.PostAsync("/api/telemetry", Api.Json(Batch(Reading(T0, 91), Reading(T0.AddMinutes(1), 43, lon: 181))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Api.ProblemAsync(response))["errors"]!.AsObject();
        Assert.Equal(["$[0].lat", "$[1].lon"], errors.Select(e => e.Key));
        var broken = await device.PostAsync("/api/telemetry", new StringContent("{\"time\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.NotNull((await Api.ProblemAsync(broken))["errors"]!["$"]);
        Assert.Empty(await Store.TrackAsync(DeviceId.Parse("trk-allbad"), null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_full_batch_above_the_json_body_limit_is_accepted_and_a_1_MB_payload_is_413()
    {
        using var device = await DeviceAsync(server.Factory, server.Forwarder, "trk-large");
        var full = Batch(Enumerable.Range(0, TelemetryJson.MaxBatchSize).Select(i => Reading(T0.AddSeconds(i), 43.6, temperature: 4.25, door: "closed")).ToArray());
        Assert.True(full.ToJsonString().Length > 64 * 1024);

        var accepted = await device.PostAsync("/api/telemetry", Api.Json(full));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(TelemetryJson.MaxBatchSize, (await accepted.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!.GetValue<int>());

        var huge = await device.PostAsync("/api/telemetry", new ByteArrayContent(new byte[1024 * 1024]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(TelemetryJson.MaxBatchSize, (await Store.TrackAsync(DeviceId.Parse("trk-large"), null, null, 2000, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_party_token_or_no_token_cannot_post_telemetry()
    {
        var (_, partyToken) = await server.Factory.PartyAsync("tel-party", "forwarder");
        using var asParty = server.Factory.WithToken(partyToken);
        var response = await asParty.PostAsync("/api/telemetry", Api.Json(Reading(T0, 43.6)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("party token", (await Api.ProblemAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await asParty.GetAsync($"/api/osmand?id=x&lat=43.6&lon=51.1&token={partyToken}")).StatusCode);

        using var anonymous = server.Factory.CreateClient();
        var missing = await anonymous.PostAsync("/api/telemetry", Api.Json(Reading(T0, 43.6)));
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Contains("device's token", (await Api.ProblemAsync(missing))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_token_cannot_read_shipments_or_tracks()
    {
        using var device = await DeviceAsync(server.Factory, server.Forwarder, "trk-nosee");

        Assert.Equal(HttpStatusCode.Unauthorized, (await device.GetAsync("/api/shipments")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await device.GetAsync("/api/devices/trk-nosee/track")).StatusCode);
    }

    [Fact]
    public async Task OsmAnd_with_the_header_or_the_token_parameter_stores_the_reading_with_knots_as_kmh()
    {
        var token = await RegisterAsync(server.Forwarder, "trk-osmand");
        using var withHeader = server.Factory.WithToken(token);
        var seconds = T0.ToUnixTimeSeconds();

        var get = await withHeader.GetAsync($"/api/osmand?id=trk-osmand&lat=43.65&lon=51.17&timestamp={seconds}&speed=10&bearing=270&altitude=-20&accuracy=8&batt=77");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Empty(await get.Content.ReadAsByteArrayAsync());

        using var anonymous = server.Factory.CreateClient();
        var query = await anonymous.PostAsync($"/api/osmand?id=trk-osmand&lat=43.66&lon=51.18&timestamp={seconds + 60}&token={Uri.EscapeDataString(token)}", null);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = "trk-osmand",
            ["lat"] = "43.67",
            ["lon"] = "51.19",
            ["timestamp"] = $"{seconds + 120}",
            ["token"] = token,
        });
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync("/api/osmand", form)).StatusCode);

        var track = await Store.TrackAsync(DeviceId.Parse("trk-osmand"), null, null, 10, CancellationToken.None);
        Assert.Equal([43.65, 43.66, 43.67], track.Select(r => r.Position.Latitude));
        var first = track[0];
        Assert.Equal(T0, first.Time);
        Assert.Equal(18.52, first.SpeedKmh!.Value, 6);
        Assert.Equal((270.0, -20.0, 8.0, 77.0), (first.HeadingDegrees!.Value, first.AltitudeM!.Value, first.AccuracyM!.Value, first.BatteryPercent!.Value));
    }

    [Fact]
    public async Task OsmAnd_with_another_devices_id_is_403_and_a_bad_latitude_is_400_naming_lat()
    {
        var token = await RegisterAsync(server.Forwarder, "trk-osm-own");
        await RegisterAsync(server.Forwarder, "trk-osm-other");
        using var device = server.Factory.WithToken(token);

        var wrong = await device.GetAsync("/api/osmand?id=trk-osm-other&lat=43.65&lon=51.17");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Contains("trk-osm-own", (await Api.ProblemAsync(wrong))["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var bad = await device.GetAsync("/api/osmand?id=trk-osm-own&lat=95&lon=51.17");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["lat"], (await Api.ProblemAsync(bad))["errors"]!.AsObject().Select(e => e.Key));

        Assert.Empty(await Store.TrackAsync(DeviceId.Parse("trk-osm-own"), null, null, 10, CancellationToken.None));
        Assert.Empty(await Store.TrackAsync(DeviceId.Parse("trk-osm-other"), null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task The_track_of_another_partys_device_is_404()
    {
        using var device = await DeviceAsync(server.Factory, server.Forwarder, "trk-theirs");
        Assert.Equal(HttpStatusCode.Accepted, (await device.PostAsync("/api/telemetry", Api.Json(Reading(T0, 43.6)))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await server.OtherForwarder.GetAsync("/api/devices/trk-theirs/track")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Forwarder.GetAsync("/api/devices/no-such-device/track")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Forwarder.GetAsync("/api/devices/trk-theirs/track")).StatusCode);
    }
}
