using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Telemetry;
using Caravan.Server.Demo;
using Caravan.Server.Telemetry;
using Caravan.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Tests.Demo;

/// <summary>
/// The demo's moving trackers on the real host: simulated shipments booked for the demo parties, devices bound to their
/// containers, and readings ingested in process — stored, published to the feed, and queryable as any device's track.
/// </summary>
public sealed class DemoTrackersTests
{
    private static Dictionary<string, string?> Settings(int shipments) => new()
    {
        ["Caravan:Demo:Enabled"] = "true",
        ["Caravan:Demo:Trackers:Shipments"] = shipments.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Caravan:Demo:Trackers:Speed"] = "3600",
        ["Caravan:Demo:Trackers:ReplayDays"] = "2",
        ["Caravan:Demo:Trackers:TickMilliseconds"] = "50",
    };

    [Fact]
    public async Task Demo_trackers_readings_are_stored_published_and_queryable_as_each_devices_track()
    {
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path, Settings(2));
        var feed = factory.Services.GetRequiredService<StoredReadingsFeed>();
        using var following = new CancellationTokenSource();
        var published = feed.Subscribe("test", following.Token);
        var trackers = factory.Services.GetRequiredService<DemoTrackers>();

        // The host (and the trackers) started before the subscription: later readings reach it as the clock runs.
        await UntilAsync(factory, () => trackers.Stored > 0 && published.TryPeek(out _));

        var tokens = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, DemoOptions.TokensFileName)))!;
        using var forwarder = factory.WithToken(tokens["demo-forwarder"]!.GetValue<string>());
        using var consignee = factory.WithToken(tokens["demo-consignee"]!.GetValue<string>());
        Assert.Equal(2, trackers.Trackers.Count);
        foreach (var tracker in trackers.Trackers)
        {
            var id = tracker.Device.Value;
            var track = (await forwarder.GetFromJsonAsync<JsonObject>($"/api/devices/{id}/track"))!;
            var readings = track["readings"]!.AsArray();
            Assert.NotEmpty(readings);
            Assert.All(readings, r => Assert.True(r!["time"]!.GetValue<DateTimeOffset>() <= factory.Clock.GetUtcNow()));

            var binding = (await forwarder.GetFromJsonAsync<JsonArray>($"/api/devices/{id}/bindings"))!.Single()!;
            var shipment = binding["shipment"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, (await consignee.GetAsync($"/api/shipments/{shipment}")).StatusCode);
        }

        Assert.True(published.TryRead(out var batch));
        Assert.StartsWith("demo-trk-", batch[0].Device.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_the_clock_runs_the_demo_trackers_report_later_positions()
    {
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path, Settings(1));
        var trackers = factory.Services.GetRequiredService<DemoTrackers>();
        await UntilAsync(factory, () => trackers.Stored > 0);
        var device = trackers.Trackers[0].Device;
        var store = factory.Services.GetRequiredService<IReadingStore>();
        var before = await LastAsync(store, device);

        var stored = trackers.Stored;
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await UntilAsync(factory, () => trackers.Stored > stored);

        var after = await LastAsync(store, device);
        Assert.True(after.Time > before.Time, $"last reading {after.Time:u}, before {before.Time:u}");
    }

    [Fact]
    public async Task A_restarted_demo_resumes_its_trackers_under_way_and_books_no_more_shipments()
    {
        using var directory = new TempDirectory();
        List<string> first;
        var before = new Dictionary<string, IReadOnlyList<TrackerReading>>();
        int shipments;
        await using (var factory = new CaravanFactory(directory.Path, Settings(2)))
        {
            var trackers = factory.Services.GetRequiredService<DemoTrackers>();
            var store = factory.Services.GetRequiredService<IReadingStore>();

            // Every tracker has stored a reading, so each has a newest one to resume from.
            await UntilAsync(factory, () => trackers.Trackers.Count > 0 && trackers.Trackers.All(t =>
                store.TrackAsync(t.Device, null, null, 1, CancellationToken.None).GetAwaiter().GetResult().Count > 0));
            first = [.. trackers.Trackers.Select(t => t.Device.Value).Order()];
            foreach (var device in first)
            {
                before[device] = await store.TrackAsync(DeviceId.Parse(device), null, null, 100_000, CancellationToken.None);
            }

            shipments = (await factory.Services.GetRequiredService<IShipmentStore>().ListForPartyAsync(DemoParties.Forwarder, CancellationToken.None)).Count;
        }

        await using (var factory = new CaravanFactory(directory.Path, Settings(2)))
        {
            var trackers = factory.Services.GetRequiredService<DemoTrackers>();
            var store = factory.Services.GetRequiredService<IReadingStore>();

            // Resumed, each tracker goes on from its newest stored reading.
            await UntilAsync(factory, () => trackers.Trackers.Count > 0 && before.All(b =>
                store.TrackAsync(DeviceId.Parse(b.Key), b.Value[^1].Time.AddTicks(1), null, 1, CancellationToken.None).GetAwaiter().GetResult().Count > 0));

            Assert.Equal(first, trackers.Trackers.Select(t => t.Device.Value).Order());
            Assert.Equal(0, trackers.Duplicates);
            var devices = await factory.Services.GetRequiredService<IDeviceStore>().ListAsync(DemoParties.Forwarder, CancellationToken.None);
            Assert.Equal(first, devices.Select(d => d.Id.Value).Where(id => id.StartsWith("demo-trk-", StringComparison.Ordinal)).Order());
            Assert.Equal(shipments, (await factory.Services.GetRequiredService<IShipmentStore>().ListForPartyAsync(DemoParties.Forwarder, CancellationToken.None)).Count);
            foreach (var (device, track) in before)
            {
                // The same readings, not a second series beside the first.
                Assert.Equal(track, await store.TrackAsync(DeviceId.Parse(device), null, track[^1].Time.AddTicks(1), 100_000, CancellationToken.None));
            }
        }
    }

    [Fact]
    public async Task No_demo_trackers_run_when_turned_off()
    {
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path, Settings(0));
        _ = factory.Server;

        Assert.Empty(await factory.Services.GetRequiredService<IDeviceStore>().ListAsync(DemoParties.Forwarder, CancellationToken.None));
        Assert.Empty(factory.Services.GetRequiredService<DemoTrackers>().Trackers);
    }

    private static async Task<TrackerReading> LastAsync(IReadingStore store, DeviceId device) =>
        (await store.TrackAsync(device, null, null, 100_000, CancellationToken.None))[^1];

    // The trackers wait on the fake clock: nudge it a second at a time until the condition holds (or 60 s pass).
    private static async Task UntilAsync(CaravanFactory factory, Func<bool> condition)
    {
        _ = factory.Server;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the demo trackers stored nothing within 60 s");
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }
}
