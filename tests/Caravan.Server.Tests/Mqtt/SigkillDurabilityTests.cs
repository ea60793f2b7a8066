using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Exceptions;
using static Caravan.Server.Tests.TelemetryData;

namespace Caravan.Server.Tests.Mqtt;

/// <summary>
/// Durability of what was acknowledged: the real <c>caravan serve</c> takes a stream of QoS 1 publishes from several
/// devices, is killed with SIGKILL mid-stream, and after a restart every reading whose PUBACK a device received is stored.
/// </summary>
public sealed class SigkillDurabilityTests
{
    private const string AdminToken = "sigkill-admin-token-0123456789abcdef";
    private const int Devices = 4;
    private const int AcknowledgedBeforeKill = 400;

    // Readings a year before now: valid whatever the real clock of the process says.
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddYears(-1).Date;

    [Fact]
    public async Task Every_acknowledged_reading_survives_a_SIGKILL_mid_stream()
    {
        using var directory = new TempDirectory();
        var acknowledged = new ConcurrentDictionary<string, ConcurrentBag<DateTimeOffset>>();
        string ownerToken;
        await using (var server = await CaravanProcess.StartAsync(directory.Path, AdminToken))
        {
            using var admin = Client(server, AdminToken);
            Assert.True((await admin.PostAsJsonAsync("/api/parties", new { id = "kill-fwd", name = "Kill forwarder", country = "CN", kind = "forwarder" })).IsSuccessStatusCode);
            var issued = await admin.PostAsJsonAsync("/api/parties/kill-fwd/tokens", new { label = "tests" });
            ownerToken = (await issued.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
            using var owner = Client(server, ownerToken);

            var clients = new List<IMqttClient>();
            foreach (var device in Enumerable.Range(0, Devices).Select(Name))
            {
                clients.Add(await MqttDevices.ConnectAsync(server.MqttPort, device, await RegisterAsync(owner, device)));
                acknowledged[device] = [];
            }

            var total = 0;
            var killed = new TaskCompletionSource();
            var publishers = clients.Select((client, index) => Task.Run(async () =>
            {
                var device = Name(index);
                for (var second = 0; ; second++)
                {
                    var time = T0.AddSeconds(second);
                    try
                    {
                        var result = await client.PublishAsync(MqttDevices.Topic(device), Reading(time, 43.6, 51.1).ToJsonString());
                        if (!result.IsSuccess)
                        {
                            return;
                        }
                    }
                    catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or InvalidOperationException)
                    {
                        return;
                    }

                    acknowledged[device].Add(time);
                    if (Interlocked.Increment(ref total) == AcknowledgedBeforeKill)
                    {
                        killed.TrySetResult();
                    }
                }
            })).ToList();

            await killed.Task.WaitAsync(TimeSpan.FromMinutes(2));
            server.Kill();
            await Task.WhenAll(publishers).WaitAsync(TimeSpan.FromMinutes(1));
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        Assert.True(acknowledged.Values.Sum(a => a.Count) >= AcknowledgedBeforeKill);
        await using var restarted = await CaravanProcess.StartAsync(directory.Path, AdminToken);
        using var reader = Client(restarted, ownerToken);
        foreach (var (device, times) in acknowledged)
        {
            var track = (await reader.GetFromJsonAsync<JsonObject>($"/api/devices/{device}/track?limit=100000"))!;
            var stored = track["readings"]!.AsArray().Select(r => r!["time"]!.GetValue<DateTimeOffset>()).ToHashSet();
            var lost = times.Where(t => !stored.Contains(t)).OrderBy(t => t).ToList();
            Assert.True(lost.Count == 0, $"{device}: {lost.Count} of {times.Count} acknowledged readings were lost, the first at {lost.FirstOrDefault():O}.");
        }
    }

    private static string Name(int index) => $"trk-kill-{index}";

    private static HttpClient Client(CaravanProcess server, string token) =>
        new() { BaseAddress = server.BaseAddress, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
}
