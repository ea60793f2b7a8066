using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Caravan.Server.Progress;
using Caravan.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Tests.Progress;

/// <summary>
/// Progress survives restarts: the state is read back from the progress table, readings stored while no worker
/// followed are read back from the readings store, and readings sent again write nothing twice.
/// </summary>
public sealed class ProgressRestartTests
{
    [Fact]
    public async Task After_restarts_progress_continues_from_its_stored_state_and_writes_no_event_twice()
    {
        using var directory = new TempDirectory();
        ProgressTrack track;
        List<string> before;
        DeviceProgress stored;
        await using (var first = new CaravanFactory(directory.Path))
        {
            var (forwarder, _) = await first.PartyAsync("xian-fwd", "forwarder");
            await first.PartyAsync("xian-shipper", "shipper");
            await first.PartyAsync("dui-consignee", "consignee", "DE");
            track = await ProgressTrack.BookAsync(first, forwarder, "trk-restart");
            var toAktau = track.Journey(until: "KZAKT");
            await track.PostAsync(toAktau);
            stored = await track.FollowedUntilAsync(ProgressTrack.TimeOf(toAktau[^1]));
            before = ProgressTrack.PlatformEvents(await track.BundleAsync()).Select(e => e.Text).ToList();
        }

        var whole = track.Journey(until: "AZALT");
        var (unfollowed, tail) = (whole.Take(whole.Count - 20).ToList(), whole.TakeLast(20).ToList());
        await using (var idle = new CaravanFactory(directory.Path, new Dictionary<string, string?> { ["Caravan:Progress:Enabled"] = "false" }))
        {
            // The worker is off: the readings are stored, nobody follows them.
            var resumed = await track.OnAsync(idle, await ForwarderAsync(idle));
            var restored = ProgressWorker.Read(await idle.Services.GetRequiredService<IProgressStore>().FindAsync(DeviceId.Parse(track.DeviceId), ShipmentId.Parse(track.Shipment), CancellationToken.None));
            Assert.Equal(stored.Progress.LastReadingTime, restored!.Progress.LastReadingTime);
            Assert.Equal(stored.Progress.Stops, restored.Progress.Stops);
            Assert.Equal(stored.Eta, restored.Eta);
            Assert.Equal(stored.WrittenDestinationP50, restored.WrittenDestinationP50);

            // With no worker estimate since the start, the shipment and the list show the stored one (the list's second
            // answer from memory).
            var client = await ForwarderAsync(idle);
            var shown = (await client.GetFromJsonAsync<JsonObject>($"/api/shipments/{track.Shipment}"))!["eta"]!;
            Assert.Equal(stored.Eta!.DestinationP50, shown["destination"]!["p50"]!.GetValue<DateTimeOffset>());
            for (var call = 0; call < 2; call++)
            {
                var listed = (await client.GetFromJsonAsync<JsonArray>("/api/shipments"))!.Single(x => x!["id"]!.GetValue<string>() == track.Shipment)!;
                Assert.Equal(shown.ToJsonString(), listed["eta"]!.ToJsonString());
            }

            await resumed.PostAsync(unfollowed);
        }

        await using var third = new CaravanFactory(directory.Path);
        var last = await track.OnAsync(third, await ForwarderAsync(third));
        await last.PostAsync([.. whole.Take(30), .. tail]);
        await last.FollowedUntilAsync(ProgressTrack.TimeOf(whole[^1]));

        var bundle = await last.BundleAsync();
        var after = ProgressTrack.PlatformEvents(bundle);
        Assert.Contains("ARRI ACT KZAKT", before);
        Assert.Equal(before, after.Take(before.Count).Select(e => e.Text));
        var actual = after.Select(e => e.Text).Where(e => e.Contains(" ACT ", StringComparison.Ordinal)).ToList();
        Assert.Equal(actual.Distinct().Count(), actual.Count);
        Assert.Contains("ARRI ACT AZALT", actual);

        // Leaving Aktau continues the visit observed before the restarts (visit 1), read back from the stored state.
        var departure = after.Single(e => e.Text == "DEPA ACT KZAKT").Event;

        // ... and dated by the readings stored while no worker followed, read back from the readings store.
        Assert.Equal(last.Stop("KZAKT").PlannedDeparture, departure.EventDateTime);
        var expected = ProgressEvents.For(
            new ProgressObservation(ProgressObservationKind.Departure, last.Stop("KZAKT"), 1, departure.EventDateTime),
            ShipmentId.Parse(track.Shipment),
            ContainerNumber.Parse(ProgressTrack.Container),
            departure.EventCreatedDateTime)[0];
        Assert.Equal(Core.Events.ShipmentEventJson.TryParse(expected).Event!.EventId, departure.EventId);
        Assert.True(bundle.Verify(verifyAllPlatformSignatures: true).Intact);
    }

    private static async Task<HttpClient> ForwarderAsync(CaravanFactory factory)
    {
        using var admin = factory.Admin();
        var issued = await admin.PostAsJsonAsync("/api/parties/xian-fwd/tokens", new { label = "after restart" });
        return factory.WithToken((await issued.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
    }
}
