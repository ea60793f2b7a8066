using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Caravan.Load;

/// <summary>One registered device: its place in the fleet, its id and the token it connects with.</summary>
internal sealed record MqttDevice(int Index, string Id, string Token)
{
    public string TelemetryTopic => $"caravan/devices/{Id}/telemetry";
}

/// <summary>
/// The devices of an MQTT run, as <c>caravan serve</c> knows them: a forwarder party that owns them, the fleet
/// registered through <c>POST /api/devices/batch</c>, and afterwards the check that what was acknowledged is stored.
/// </summary>
internal sealed class MqttFleet(HttpClient http)
{
    public const int RegistrationBatch = 1000;
    public const int VerifiedDevices = 20;
    private const string Owner = "load-fleet";

    /// <summary>Creates the owning party and makes the client act as it (its bearer token) from now on.</summary>
    public async Task ActAsOwnerAsync(string adminToken, CancellationToken cancellationToken)
    {
        await SendAsync(HttpMethod.Post, "/api/parties", adminToken, new { id = Owner, name = "Load fleet owner", country = "KZ", kind = "forwarder" }, cancellationToken);
        var issued = await SendAsync(HttpMethod.Post, $"/api/parties/{Owner}/tokens", adminToken, new { label = "load" }, cancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued["token"]!.GetValue<string>());
    }

    /// <summary>Registers <paramref name="count"/> devices in batches from a few concurrent requests; answers each device's id and token, in order.</summary>
    public async Task<MqttDevice[]> RegisterAsync(int count, CancellationToken cancellationToken)
    {
        var devices = new MqttDevice[count];
        var batches = Enumerable.Range(0, (count + RegistrationBatch - 1) / RegistrationBatch).ToArray();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            var first = batch * RegistrationBatch;
            var size = Math.Min(RegistrationBatch, count - first);
            var body = new JsonObject
            {
                ["devices"] = new JsonArray([.. Enumerable.Range(first, size).Select(i => (JsonNode)new JsonObject { ["id"] = DeviceName(i), ["kind"] = "gps-tracker" })]),
            };
            var answer = await SendAsync(HttpMethod.Post, "/api/devices/batch", null, body, ct);
            var issued = answer["devices"]!.AsArray();
            for (var i = 0; i < size; i++)
            {
                devices[first + i] = new MqttDevice(i + first, issued[i]!["id"]!.GetValue<string>(), issued[i]!["token"]!.GetValue<string>());
            }
        });
        return devices;
    }

    /// <summary>
    /// Reads the tracks of up to <see cref="VerifiedDevices"/> devices spread over the list: every reading Caravan
    /// acknowledged must be stored, or the run fails.
    /// </summary>
    public async Task<(long Stored, long Acked, int Devices)> VerifyAsync(IReadOnlyList<(string DeviceId, long AcknowledgedReadings)> devices, CancellationToken cancellationToken)
    {
        long stored = 0, acked = 0;
        var step = Math.Max(1, devices.Count / VerifiedDevices);
        var checkedDevices = 0;
        for (var i = 0; i < devices.Count && checkedDevices < VerifiedDevices; i += step, checkedDevices++)
        {
            var (id, acknowledged) = devices[i];
            var track = await SendAsync(HttpMethod.Get, $"/api/devices/{id}/track?limit=100000", null, null, cancellationToken);
            var count = track["count"]!.GetValue<long>();
            if (count < acknowledged)
            {
                throw new InvalidOperationException($"device {id}: {acknowledged} readings acknowledged but only {count} stored");
            }

            stored += count;
            acked += acknowledged;
        }

        return (stored, acked, checkedDevices);
    }

    private static string DeviceName(int i) => string.Create(CultureInfo.InvariantCulture, $"load-{i:D6}");

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, string? token, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body is JsonNode node ? new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json") : JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text) ?? new JsonObject();
    }
}
