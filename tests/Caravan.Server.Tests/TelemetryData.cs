using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests;

/// <summary>Telemetry test data shared by the HTTP and MQTT suites: readings as devices send them, and registered devices.</summary>
public static class TelemetryData
{
    public static JsonObject Reading(DateTimeOffset time, double lat, double lon = 51.1, double? temperature = null, string? door = null)
    {
        var reading = new JsonObject
        {
            ["time"] = time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["lat"] = lat,
            ["lon"] = lon,
            ["speed"] = 60.0,
        };
        if (temperature is { } t)
        {
            reading["temperature"] = t;
        }

        if (door is not null)
        {
            reading["door"] = door;
        }

        return reading;
    }

    public static JsonArray Batch(params JsonObject[] readings) => new(readings);

    public static async Task<HttpClient> DeviceAsync(CaravanFactory factory, HttpClient owner, string id) =>
        factory.WithToken(await RegisterAsync(owner, id));

    public static async Task<string> RegisterAsync(HttpClient owner, string id)
    {
        var response = await owner.PostAsJsonAsync("/api/devices", new { id, kind = "gps-tracker" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }
}
