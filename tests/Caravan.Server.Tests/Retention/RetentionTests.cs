using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Telemetry;
using Caravan.Server.Retention;
using Caravan.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Tests.Retention;

/// <summary>
/// Retention on the real server and a SQLite file: old readings thinned to one per interval keeping the notable ones,
/// recent ones untouched, a party's own policy set by the operator (and refused when it makes no sense), readings
/// deleted past a delete horizon, and the track still read over the downsampled past.
/// </summary>
public sealed class RetentionTests
{
    // The worker's loop is off in tests (CaravanFactory); these run their passes themselves.
    private static readonly Dictionary<string, string?> Settings = new();

    [Fact]
    public async Task The_worker_applies_the_policies_on_its_own_every_run_interval()
    {
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path, new Dictionary<string, string?>
        {
            ["Caravan:Retention:Enabled"] = "true",
            ["Caravan:Retention:RunInterval"] = "00:01:00",
        });
        var (owner, _) = await factory.PartyAsync("retain-loop", "forwarder");
        using var device = await TelemetryData.DeviceAsync(factory, owner, "trk-loop");
        var old = Hour(factory.Clock.GetUtcNow().AddDays(-31));
        await PostAsync(device, Minutes(old, 60, i => TelemetryData.Reading(old.AddMinutes(i), 43.0)));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await TrackAsync(owner, "trk-loop", null, null)).Count != 6)
        {
            Assert.True(DateTime.UtcNow < deadline, "the worker did not thin the old readings within 30 s");
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Readings_past_the_full_rate_horizon_are_thinned_to_one_per_interval_and_the_notable_ones_kept()
    {
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path, Settings);
        var (owner, _) = await factory.PartyAsync("retain-fwd", "forwarder");
        using var device = await TelemetryData.DeviceAsync(factory, owner, "trk-retain");
        var now = factory.Clock.GetUtcNow();
        var old = Hour(now.AddDays(-40));
        var recent = Hour(now.AddDays(-1));

        // Two hours a minute apart, 40 days ago: a door opened and closed, a hard shock, a temperature step.
        var oldReadings = Minutes(old, 120, i => i switch
        {
            33 => TelemetryData.Reading(old.AddMinutes(i), 43.0, temperature: -18, door: "open"),
            34 => TelemetryData.Reading(old.AddMinutes(i), 43.0, temperature: -18, door: "closed"),
            35 => TelemetryData.Reading(old.AddMinutes(i), 43.0, temperature: -18, door: "closed"),
            _ => TelemetryData.Reading(old.AddMinutes(i), 43.0, temperature: i is >= 70 and < 75 ? -12 : -18),
        });
        oldReadings[52]!["shock"] = 6.5;
        await PostAsync(device, oldReadings);
        await PostAsync(device, Minutes(recent, 120, i => TelemetryData.Reading(recent.AddMinutes(i), 44.0)));

        var run = await factory.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(CancellationToken.None);

        var track = await TrackAsync(owner, "trk-retain", old, old.AddHours(2));
        var minutes = track.Select(t => (int)(t - old).TotalMinutes).ToList();
        // The first of every 10 minutes; the door open (33) and its closing (34), the shock (52), the step up (70) and back (75).
        Assert.Equal([0, 10, 20, 30, 33, 34, 40, 50, 52, 60, 70, 75, 80, 90, 100, 110], minutes);
        Assert.Equal(120 - 16, run.Downsampled);
        Assert.Equal(0, run.Expired);
        Assert.Equal(120, (await TrackAsync(owner, "trk-retain", recent, recent.AddHours(2))).Count);

        // Applied again, nothing changes: the past is read once, and thinning what was kept keeps it.
        Assert.Equal(0, (await factory.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(CancellationToken.None)).Downsampled);
        Assert.Equal(track, await TrackAsync(owner, "trk-retain", old, old.AddHours(2)));
    }

    [Fact]
    public async Task A_partys_own_policy_thins_and_deletes_its_devices_readings_and_leaves_other_parties_on_the_default()
    {
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path, Settings);
        using var admin = factory.Admin();
        var (strict, _) = await factory.PartyAsync("retain-strict", "forwarder");
        var (relaxed, _) = await factory.PartyAsync("retain-relaxed", "forwarder");
        using var strictDevice = await TelemetryData.DeviceAsync(factory, strict, "trk-strict");
        using var relaxedDevice = await TelemetryData.DeviceAsync(factory, relaxed, "trk-relaxed");
        var set = await admin.PutAsJsonAsync("/api/parties/retain-strict/retention", new { fullRateDays = 2, downsampleMinutes = 60, deleteAfterDays = 30 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var now = factory.Clock.GetUtcNow();
        var old = Hour(now.AddDays(-40));
        var middle = Hour(now.AddDays(-10));
        foreach (var device in new[] { strictDevice, relaxedDevice })
        {
            await PostAsync(device, Minutes(old, 180, i => TelemetryData.Reading(old.AddMinutes(i), 43.0)));
            await PostAsync(device, Minutes(middle, 180, i => TelemetryData.Reading(middle.AddMinutes(i), 43.0)));
        }

        var run = await factory.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(CancellationToken.None);

        // Strict: 40 days old is past 30, deleted; 10 days old is past 2, one an hour.
        Assert.Empty(await TrackAsync(strict, "trk-strict", old, old.AddHours(3)));
        Assert.Equal([middle, middle.AddHours(1), middle.AddHours(2)], await TrackAsync(strict, "trk-strict", middle, middle.AddHours(3)));
        // Relaxed (the default: 30 days at full rate, then one per 10 minutes, never deleted).
        Assert.Equal(18, (await TrackAsync(relaxed, "trk-relaxed", old, old.AddHours(3))).Count);
        Assert.Equal(180, (await TrackAsync(relaxed, "trk-relaxed", middle, middle.AddHours(3))).Count);
        Assert.Equal(180, run.Expired);
        Assert.Equal((180 - 3) + (180 - 18), run.Downsampled);
    }

    [Fact]
    public async Task Chunked_passes_thin_a_long_track_as_one_pass_would()
    {
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path, new Dictionary<string, string?>(Settings) { ["Caravan:Retention:ChunkReadings"] = "7" });
        var (owner, _) = await factory.PartyAsync("retain-chunks", "forwarder");
        using var device = await TelemetryData.DeviceAsync(factory, owner, "trk-chunks");
        var old = Hour(factory.Clock.GetUtcNow().AddDays(-35));
        await PostAsync(device, Minutes(old, 300, i => TelemetryData.Reading(old.AddSeconds(i * 150), 43.0, temperature: i % 40 == 0 ? 5 : 2)));

        await factory.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(CancellationToken.None);

        var kept = await TrackAsync(owner, "trk-chunks", null, null);
        var expected = Enumerable.Range(0, 300)
            .Select(i => new TrackerReading(DeviceId.Parse("trk-chunks"), old.AddSeconds(i * 150), new Core.Geography.GeoPoint(43, 51.1)) { TemperatureC = i % 40 == 0 ? 5 : 2 })
            .ToList();
        var dropped = new ReadingDownsampler(4, 1).Dropped(null, expected, TimeSpan.FromMinutes(10)).Select(r => r.Time).ToHashSet();
        Assert.Equal(expected.Select(r => r.Time).Where(t => !dropped.Contains(t)), kept);
    }

    [Fact]
    public async Task The_operator_sets_reads_and_resets_a_partys_policy_and_bad_values_are_problems_naming_the_field()
    {
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path, Settings);
        using var admin = factory.Admin();
        var (party, _) = await factory.PartyAsync("retain-api", "carrier", "KZ");

        var initial = (await admin.GetFromJsonAsync<JsonObject>("/api/parties/retain-api/retention"))!;
        Assert.Equal(30, initial["fullRateDays"]!.GetValue<int>());
        Assert.Equal(10, initial["downsampleMinutes"]!.GetValue<int>());
        Assert.Null(initial["deleteAfterDays"]);
        Assert.True(initial["isDefault"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/parties/retain-api/retention", new { fullRateDays = 7, downsampleMinutes = 30 })).StatusCode);
        var own = (await admin.GetFromJsonAsync<JsonObject>("/api/parties/retain-api/retention"))!;
        Assert.Equal((7, 30, false), (own["fullRateDays"]!.GetValue<int>(), own["downsampleMinutes"]!.GetValue<int>(), own["isDefault"]!.GetValue<bool>()));

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { fullRateDays = 0, downsampleMinutes = 10 }, "$.fullRateDays"),
            (new { fullRateDays = 5, downsampleMinutes = 1441 }, "$.downsampleMinutes"),
            (new { fullRateDays = 30, downsampleMinutes = 10, deleteAfterDays = 30 }, "$.deleteAfterDays"),
            (new { downsampleMinutes = 10 }, "$.fullRateDays"),
        })
        {
            var refused = await admin.PutAsJsonAsync("/api/parties/retain-api/retention", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await Api.ProblemAsync(refused);
            Assert.True(problem["errors"]![field] is JsonArray, problem.ToJsonString());
        }

        var unchanged = (await admin.GetFromJsonAsync<JsonObject>("/api/parties/retain-api/retention"))!;
        Assert.Equal(7, unchanged["fullRateDays"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync("/api/parties/retain-api/retention", Api.Json(JsonNode.Parse("""{"fullRateDays": "a week", "downsampleMinutes": 10}""")!))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/parties/nobody/retention", new { fullRateDays = 7, downsampleMinutes = 30 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await party.PutAsJsonAsync("/api/parties/retain-api/retention", new { fullRateDays = 700, downsampleMinutes = 30 })).StatusCode);

        var reset = (await (await admin.DeleteAsync("/api/parties/retain-api/retention")).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(reset["isDefault"]!.GetValue<bool>());
        Assert.Null(await factory.Services.GetRequiredService<IRetentionStore>().FindAsync(Core.Shipments.PartyId.Parse("retain-api"), CancellationToken.None));
    }

    private static DateTimeOffset Hour(DateTimeOffset time) => new(time.Year, time.Month, time.Day, time.Hour, 0, 0, TimeSpan.Zero);

    private static JsonArray Minutes(DateTimeOffset start, int count, Func<int, JsonObject> reading) =>
        new([.. Enumerable.Range(0, count).Select(reading)]);

    private static async Task PostAsync(HttpClient device, JsonArray readings)
    {
        var response = await device.PostAsync("/api/telemetry", Api.Json(readings));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(readings.Count, (await response.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!.GetValue<int>());
    }

    private static async Task<List<DateTimeOffset>> TrackAsync(HttpClient owner, string device, DateTimeOffset? from, DateTimeOffset? to)
    {
        var query = $"/api/devices/{device}/track?limit=100000"
            + (from is { } f ? $"&from={Uri.EscapeDataString(f.ToString("O"))}" : string.Empty)
            + (to is { } t ? $"&to={Uri.EscapeDataString(t.ToString("O"))}" : string.Empty);
        var track = (await owner.GetFromJsonAsync<JsonObject>(query))!;
        return [.. track["readings"]!.AsArray().Select(r => r!["time"]!.GetValue<DateTimeOffset>())];
    }
}
