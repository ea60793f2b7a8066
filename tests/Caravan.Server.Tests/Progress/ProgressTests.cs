using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Events;
using Caravan.Server.Progress;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Tests.Progress;

/// <summary>
/// Readings posted through the HTTP telemetry endpoint become the platform's signed events in the shipment's chain,
/// and its ETA in <c>GET /api/shipments/{id}</c> (Almaty → Aktau by rail → Alat by ferry, on the default network).
/// </summary>
public sealed class ProgressTests(ProgressFixture server) : IClassFixture<ProgressFixture>
{
    [Fact]
    public async Task A_jittering_track_yields_one_arrival_and_one_departure_and_the_chain_verifies()
    {
        var track = await ProgressTrack.BookAsync(server.Factory, server.Forwarder, "trk-jitter");
        var readings = track.Journey(until: "AZALT", jitterAt: "KZAKT");
        await track.PostAsync(readings);
        await track.FollowedUntilAsync(ProgressTrack.TimeOf(readings[^1]));

        var bundle = await track.BundleAsync();
        var events = ProgressTrack.PlatformEvents(bundle).Select(e => e.Text).ToList();
        Assert.Single(events, e => e == "ARRI ACT KZAKT");
        Assert.Single(events, e => e == "DEPA ACT KZAKT");
        Assert.Single(events, e => e == "GTIN ACT KZAKT");
        Assert.DoesNotContain("GTOT ACT KZAKT", events);
        Assert.Equal(["DEPA ACT KZALA", "GTOT ACT KZALA"], events.Where(e => e.EndsWith("KZALA", StringComparison.Ordinal)));
        Assert.Single(events, e => e == "ARRI ACT AZALT");
        Assert.Contains("ARRI EST AZALT", events);

        // The ferry: leaving Aktau and arriving at Alat are VESSEL calls at the ports.
        var ferry = ProgressTrack.PlatformEvents(bundle).Where(e => e.Text is "DEPA ACT KZAKT" or "ARRI ACT AZALT").Select(e => e.Event.TransportCall!).ToList();
        Assert.All(ferry, call => Assert.Equal(ModeOfTransport.VESSEL, call.ModeOfTransport));
        Assert.All(ferry, call => Assert.Equal(FacilityTypeCode.POTE, call.FacilityTypeCode));

        // Signed by party caravan with the telematics key, sealed with the platform key, verifiable offline.
        var telematics = server.Factory.Services.GetRequiredService<TelematicsKey>();
        Assert.All(bundle.Entries.Where(e => e.AuthorPartyId == "caravan"), e => Assert.Equal(telematics.Public.Kid, e.AuthorKid));
        Assert.True(bundle.Verify(verifyAllPlatformSignatures: true).Intact);
        var verified = (await server.Forwarder.GetFromJsonAsync<JsonObject>($"/api/shipments/{track.Shipment}/verify"))!;
        Assert.True(verified["intact"]?.GetValue<bool>() ?? verified["valid"]!.GetValue<bool>(), verified.ToJsonString());

        var shipment = (await server.Forwarder.GetFromJsonAsync<JsonObject>($"/api/shipments/{track.Shipment}"))!;
        Assert.Equal("delivered", shipment["status"]!.GetValue<string>());
        Assert.True(shipment["eta"]!["arrived"]!.GetValue<bool>());
        Assert.Null(shipment["eta"]!["next"]);
    }

    [Fact]
    public async Task The_list_shows_the_same_ETA_as_the_shipment_once_its_tracker_has_been_followed()
    {
        var track = await ProgressTrack.BookAsync(server.Factory, server.Forwarder, "trk-listed");
        var before = (await server.Forwarder.GetFromJsonAsync<JsonArray>("/api/shipments"))!.Single(s => s!["id"]!.GetValue<string>() == track.Shipment)!;
        Assert.Null(before["eta"]);

        var readings = track.Journey(until: "KZAKT");
        await track.PostAsync(readings);
        await track.FollowedUntilAsync(ProgressTrack.TimeOf(readings[^1]));

        var listed = (await server.Forwarder.GetFromJsonAsync<JsonArray>("/api/shipments"))!.Single(s => s!["id"]!.GetValue<string>() == track.Shipment)!;
        var shown = (await server.Forwarder.GetFromJsonAsync<JsonObject>($"/api/shipments/{track.Shipment}"))!;
        Assert.Equal("AZALT", listed["eta"]!["destination"]!["terminal"]!.GetValue<string>());
        Assert.Equal(shown["eta"]!.ToJsonString(), listed["eta"]!.ToJsonString());
    }

    [Fact]
    public async Task The_ETA_moves_when_the_train_waits_three_extra_days_at_Aktau()
    {
        var track = await ProgressTrack.BookAsync(server.Factory, server.Forwarder, "trk-aktau");
        var arrived = track.Journey(until: "KZAKT");
        await track.PostAsync(arrived);
        await track.FollowedUntilAsync(ProgressTrack.TimeOf(arrived[^1]));
        var onTime = (await server.Forwarder.GetFromJsonAsync<JsonObject>($"/api/shipments/{track.Shipment}"))!["eta"]!;

        var waiting = track.Journey(until: "KZAKT", extraAt: "KZAKT", extra: TimeSpan.FromDays(3));
        await track.PostAsync(waiting);
        await track.FollowedUntilAsync(ProgressTrack.TimeOf(waiting[^1]));
        var late = (await server.Forwarder.GetFromJsonAsync<JsonObject>($"/api/shipments/{track.Shipment}"))!["eta"]!;

        Assert.Equal("AZALT", onTime["next"]!["terminal"]!.GetValue<string>());
        Assert.Equal("AZALT", late["destination"]!["terminal"]!.GetValue<string>());
        var before = onTime["destination"]!["p50"]!.GetValue<DateTimeOffset>();
        var after = late["destination"]!["p50"]!.GetValue<DateTimeOffset>();
        Assert.True(after - before >= TimeSpan.FromDays(2), $"P50 moved from {before:u} to {after:u}");
        Assert.True(late["destination"]!["p90"]!.GetValue<DateTimeOffset>() >= after);

        // Each move past the threshold is an EST event at the destination, the last one at the new P50.
        var estimates = ProgressTrack.PlatformEvents(await track.BundleAsync()).Where(e => e.Text == "ARRI EST AZALT").ToList();
        Assert.True(estimates.Count >= 2);
        Assert.Equal(after.ToUnixTimeSeconds() / 60, estimates[^1].Event.EventDateTime.ToUnixTimeSeconds() / 60);
        var notices = server.Listener.Eta.Where(n => n.Shipment.Value == track.Shipment).ToList();
        Assert.Equal(after, notices[^1].P50);
        Assert.False(notices[^1].SlipsPastPromise);

        // Past the P90 of its stay at Aktau (the planned stay plus Aktau's dwell spread of 72 h), a dwell notice.
        var longer = track.Journey(until: "KZAKT", extraAt: "KZAKT", extra: TimeSpan.FromDays(3.5));
        await track.PostAsync(longer);
        await track.FollowedUntilAsync(ProgressTrack.TimeOf(longer[^1]));
        var dwell = Assert.Single(server.Listener.Dwell, n => n.Shipment.Value == track.Shipment);
        Assert.Equal("KZAKT", dwell.Terminal.Value);

        // The notice opens a dwellBeyondP90 alert about Aktau; the departure the platform records resolves it.
        var open = await DwellAlertAsync(track.Shipment, "open");
        Assert.Equal("KZAKT", open["subject"]!.GetValue<string>());
        var leaving = track.Journey(until: "KZAKT", extraAt: "KZAKT", extra: TimeSpan.FromDays(3.5), leave: true);
        await track.PostAsync(leaving);
        await track.FollowedUntilAsync(ProgressTrack.TimeOf(leaving[^1]));
        var resolved = await DwellAlertAsync(track.Shipment, "resolved");
        Assert.Equal("KZAKT", resolved["subject"]!.GetValue<string>());
        Assert.StartsWith("Left KZAKT", resolved["resolveDetail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<JsonObject> DwellAlertAsync(string shipment, string state)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var alerts = (await server.Forwarder.GetFromJsonAsync<JsonArray>($"/api/alerts?shipment={shipment}&kind=dwellBeyondP90&state={state}"))!;
            if (alerts.Count > 0)
            {
                return alerts[0]!.AsObject();
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No {state} dwellBeyondP90 alert for {shipment} within 10 s.");
    }
}
