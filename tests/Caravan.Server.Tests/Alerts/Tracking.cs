using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Alerts;

/// <summary>Shipments with trackers on them for the alert, webhook and live feed suites: book, bind, report, and wait for what follows.</summary>
internal static class Tracking
{
    public const string Container = "CSQU3054383";

    /// <summary>Xi'an's terminal (CNXIY), the first terminal of the planned itinerary.</summary>
    public static readonly (double Lat, double Lon) Xian = (34.42, 109.1);

    /// <summary>About 25 km east of Xi'an: on the way out, away from any terminal.</summary>
    public static readonly (double Lat, double Lon) EnRoute = (34.42, 109.37);

    /// <summary>Central Siberia: nowhere near a China–Europe itinerary.</summary>
    public static readonly (double Lat, double Lon) Siberia = (60.0, 100.0);

    /// <summary>Books a shipment by <paramref name="forwarder"/> (xian-shipper to dui-consignee), with a temperature range when given.</summary>
    public static async Task<string> BookAsync(HttpClient forwarder, (double Min, double Max)? temperature = null, params (string Party, string Role)[] parties)
    {
        var (plan, itinerary) = await Api.PlanAsync(forwarder);
        var body = Api.ShipmentBody("xian-shipper", "dui-consignee", plan, itinerary, parties);
        if (temperature is { } range)
        {
            body["temperatureRange"] = new JsonObject { ["minC"] = range.Min, ["maxC"] = range.Max };
        }

        return await Api.CreateShipmentAsync(forwarder, body);
    }

    /// <summary>Registers device <paramref name="id"/> to <paramref name="owner"/>, binds it to the shipment's container from <paramref name="from"/>, and returns a client with its token.</summary>
    public static async Task<HttpClient> BoundDeviceAsync(CaravanFactory factory, HttpClient owner, string id, string shipment, DateTimeOffset from)
    {
        var registered = await owner.PostAsJsonAsync("/api/devices", new { id, kind = "reefer-controller" });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var token = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        var bound = await owner.PostAsJsonAsync($"/api/devices/{id}/bindings", new { shipment, container = Container, from = Iso(from) });
        Assert.True(bound.StatusCode == HttpStatusCode.Created, await bound.Content.ReadAsStringAsync());
        return factory.WithToken(token);
    }

    public static JsonObject Reading(DateTimeOffset time, (double Lat, double Lon) at, double? temperature = null, double? shock = null, string? door = null)
    {
        var reading = new JsonObject { ["time"] = Iso(time), ["lat"] = at.Lat, ["lon"] = at.Lon };
        foreach (var (name, value) in new (string, JsonNode?)[] { ("temperature", temperature), ("shock", shock), ("door", door) })
        {
            if (value is not null)
            {
                reading[name] = value;
            }
        }

        return reading;
    }

    /// <summary>Posts readings as the device; asserts they were accepted.</summary>
    public static async Task ReportAsync(HttpClient device, params JsonObject[] readings)
    {
        var response = await device.PostAsync("/api/telemetry", Api.Json(new JsonArray(readings)));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonArray> AlertsAsync(HttpClient party, string query = "") =>
        (await party.GetFromJsonAsync<JsonArray>("/api/alerts" + query))!;

    /// <summary>
    /// Polls <paramref name="probe"/> until it answers something: rules and deliveries run behind the request that
    /// triggers them. Gives up after 20 seconds, which only a failure takes.
    /// </summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            try
            {
                await Task.Delay(50, limit.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Gave up waiting for {what}.");
            }
        }
    }

    /// <summary>The alert of <paramref name="kind"/> on <paramref name="shipment"/> once it is in <paramref name="state"/>.</summary>
    public static Task<JsonObject> AlertInStateAsync(HttpClient party, string shipment, string kind, string state) =>
        EventuallyAsync(
            async () => (await AlertsAsync(party, $"?shipment={shipment}&kind={kind}")).Select(a => a!.AsObject()).FirstOrDefault(a => a["state"]!.GetValue<string>() == state),
            $"a {state} {kind} alert on {shipment}");

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
