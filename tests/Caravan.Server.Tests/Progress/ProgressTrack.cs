using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Events;
using Caravan.Core.Geography;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Caravan.Server.Hosting;
using Caravan.Server.Progress;
using Caravan.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Tests.Progress;

/// <summary>
/// A shipment booked Almaty → Alat through Aktau on the default network, a tracker bound to its container, and
/// readings a tracker would send along the way, posted through <c>POST /api/telemetry</c> with the device's token.
/// </summary>
internal sealed class ProgressTrack
{
    public const string Container = "CSQU3054383";

    private ProgressTrack(CaravanFactory factory, HttpClient forwarder, string deviceToken, string deviceId, string shipment, ProgressRoute route)
    {
        Factory = factory;
        Forwarder = forwarder;
        DeviceToken = deviceToken;
        Device = factory.WithToken(deviceToken);
        DeviceId = deviceId;
        Shipment = shipment;
        Route = route;
    }

    public CaravanFactory Factory { get; }

    public HttpClient Forwarder { get; }

    public HttpClient Device { get; }

    public string DeviceToken { get; }

    public string DeviceId { get; }

    public string Shipment { get; }

    public ProgressRoute Route { get; }

    /// <summary>Books the shipment (ready 2026-12-01), registers the device and binds it from a day before.</summary>
    public static async Task<ProgressTrack> BookAsync(CaravanFactory factory, HttpClient forwarder, string deviceId)
    {
        var request = new JsonObject { ["from"] = "KZALA", ["to"] = "AZALT", ["earliestDeparture"] = "2026-12-01T00:00:00Z" };
        var planned = await forwarder.PostAsJsonAsync("/api/plan", request);
        Assert.True(planned.IsSuccessStatusCode, await planned.Content.ReadAsStringAsync());
        var plan = (await planned.Content.ReadFromJsonAsync<JsonObject>())!;
        var itinerary = plan["itineraries"]!.AsArray()
            .First(i => i!["legs"]!.AsArray().Any(l => l!["from"]!.GetValue<string>() == "KZAKT"))!;
        var body = Api.ShipmentBody("xian-shipper", "dui-consignee", plan["request"]!.AsObject(), itinerary["itineraryId"]!.GetValue<string>());
        body["consignment"]!["placeOfTakingOver"] = "KZALA";
        body["consignment"]!["placeOfDelivery"] = "AZALT";
        var shipment = await Api.CreateShipmentAsync(forwarder, body);

        var registered = await forwarder.PostAsJsonAsync("/api/devices", new { id = deviceId, kind = "gps-tracker" });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var token = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        var bound = await forwarder.PostAsync(
            $"/api/devices/{deviceId}/bindings",
            Api.Json(new JsonObject { ["shipment"] = shipment, ["container"] = Container, ["from"] = "2026-11-30T00:00:00Z" }));
        Assert.True(bound.StatusCode == HttpStatusCode.Created, await bound.Content.ReadAsStringAsync());

        return new ProgressTrack(factory, forwarder, token, deviceId, shipment, await RouteAsync(factory, shipment));
    }

    /// <summary>The same track on a restarted server (the shipment and device are in its database).</summary>
    public async Task<ProgressTrack> OnAsync(CaravanFactory restarted, HttpClient forwarder) =>
        new(restarted, forwarder, DeviceToken, DeviceId, Shipment, await RouteAsync(restarted, Shipment));

    public ProgressStop Stop(string locode) => Route.Stops.First(s => s.Terminal.Locode.Value == locode);

    /// <summary>
    /// Readings as planned from the origin to <paramref name="until"/>: every 10 minutes inside each stop from its planned
    /// arrival to its planned departure, and 20 km off before and after. At <paramref name="until"/> they end an hour
    /// after arrival, or (at <paramref name="extraAt"/>) at the planned departure plus <paramref name="extra"/>, unless
    /// <paramref name="leave"/>. At <paramref name="jitterAt"/> the first and last hours jitter across the boundary:
    /// alternately just inside and in the band beyond the radius, once out beyond 1.25 R for less than the dwell.
    /// </summary>
    public List<JsonObject> Journey(string until, string? jitterAt = null, string? extraAt = null, TimeSpan extra = default, bool leave = false)
    {
        var readings = new List<JsonObject>();
        var shift = TimeSpan.Zero;
        foreach (var stop in Route.Stops)
        {
            var code = stop.Terminal.Locode.Value;
            var arrival = (stop.PlannedArrival ?? stop.PlannedDeparture!.Value.AddHours(-1)) + shift;
            var departure = (stop.PlannedDeparture ?? arrival.AddHours(2)) + shift;
            if (code == extraAt)
            {
                departure += extra;
                shift += extra;
            }

            if (stop.Index > 0)
            {
                readings.Add(Reading(arrival.AddMinutes(-30), Off(stop, 20_000)));
                readings.Add(Reading(arrival.AddMinutes(-20), Off(stop, 20_000)));
            }

            var stays = code == until && !leave;
            var end = stays && code != extraAt ? arrival.AddHours(1) : departure;
            for (var t = arrival; t < end; t = t.AddMinutes(10))
            {
                var minutes = (int)(t - arrival).TotalMinutes;
                var edge = code == jitterAt && (minutes < 60 || departure - t <= TimeSpan.FromHours(1));
                var distance = !edge ? 100
                    : minutes == 30 ? stop.Geofence.RadiusM * 1.4
                    : minutes % 20 == 0 ? stop.Geofence.RadiusM * 0.9
                    : stop.Geofence.RadiusM * 1.15;
                readings.Add(Reading(t, Off(stop, distance)));
            }

            if (stays)
            {
                return readings;
            }

            readings.Add(Reading(departure, Off(stop, 20_000)));
            readings.Add(Reading(departure.AddMinutes(10), Off(stop, 20_000)));
            readings.Add(Reading(departure.AddMinutes(20), Off(stop, 20_000)));
            if (code == until)
            {
                return readings;
            }
        }

        return readings;
    }

    /// <summary>Posts the readings in batches of at most 500, moving the server's clock past each batch first.</summary>
    public async Task PostAsync(IEnumerable<JsonObject> readings)
    {
        foreach (var batch in readings.Chunk(500))
        {
            var latest = batch.Max(r => DateTimeOffset.Parse(r["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
            if (Factory.Clock.GetUtcNow() < latest)
            {
                Factory.Clock.SetUtcNow(latest.AddMinutes(1));
            }

            var response = await Device.PostAsync("/api/telemetry", Api.Json(new JsonArray([.. batch.Select(r => (JsonNode)r.DeepClone())])));
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Waits until the worker has applied readings up to <paramref name="time"/>.</summary>
    public async Task<DeviceProgress> FollowedUntilAsync(DateTimeOffset time)
    {
        var worker = Factory.Services.GetRequiredService<ProgressWorker>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var state = worker.Current(Core.Telemetry.DeviceId.Parse(DeviceId), ShipmentId.Parse(Shipment));
            if (state?.Progress.LastReadingTime >= time)
            {
                return state;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>The shipment's chain as a bundle, as <c>caravan verify</c> reads it.</summary>
    public async Task<EventBundle> BundleAsync()
    {
        var read = EventBundle.TryRead(await Forwarder.GetByteArrayAsync($"/api/shipments/{Shipment}/bundle"));
        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        return read.Bundle!;
    }

    /// <summary>The platform's events in the chain, as "CODE CLASSIFIER PLACE".</summary>
    public static List<(string Text, ShipmentEvent Event)> PlatformEvents(EventBundle bundle) =>
        bundle.Entries
            .Where(e => e.AuthorPartyId == "caravan")
            .Select(e => ShipmentEventJson.TryParse(e.EventJson).Event!)
            .Select(e => ($"{e.TypeCode} {e.EventClassifierCode} {ShipmentStatus.PlaceOf(e)}", e))
            .ToList();

    public static DateTimeOffset TimeOf(JsonObject reading) =>
        DateTimeOffset.Parse(reading["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<ProgressRoute> RouteAsync(CaravanFactory factory, string shipment)
    {
        var booked = await factory.Services.GetRequiredService<IShipmentStore>().FindAsync(ShipmentId.Parse(shipment), CancellationToken.None);
        var network = factory.Services.GetRequiredService<CorridorNetworkProvider>().Planner(out _)!.Network;
        return ProgressRoute.Of(booked!, network, factory.Services.GetRequiredService<IOptions<ProgressOptions>>().Value.Radii());
    }

    private static GeoPoint Off(ProgressStop stop, double metres) =>
        new(stop.Geofence.Centre.Latitude + (metres / 111_195), stop.Geofence.Centre.Longitude);

    private static JsonObject Reading(DateTimeOffset time, GeoPoint at) => new()
    {
        ["time"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["lat"] = at.Latitude,
        ["lon"] = at.Longitude,
    };
}
