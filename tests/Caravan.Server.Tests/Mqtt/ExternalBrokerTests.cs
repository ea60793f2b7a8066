using System.Globalization;
using Caravan.Core.Telemetry;
using Caravan.Server.Mqtt;
using Caravan.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Caravan.Server.Tests.TelemetryData;

namespace Caravan.Server.Tests.Mqtt;

/// <summary>
/// External-broker mode against a real Mosquitto: Caravan subscribes with a persistent QoS 1 session, stores the
/// readings of registered devices, ignores (and counts) the rest, and gets what was published while it was away.
/// </summary>
public sealed class ExternalBrokerTests
{
    private const string CaravanUser = "caravan";
    private const string CaravanPassword = "caravan-secret";
    private const string DevicePassword = "device-secret";

    private static readonly DateTimeOffset T0 = new(2026, 11, 19, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Readings_of_registered_devices_published_to_Mosquitto_are_stored()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync((CaravanUser, CaravanPassword), ("trk-ext", DevicePassword), ("trk-unknown", DevicePassword));
        using var directory = new TempDirectory();
        await using var factory = External(directory.Path, mosquitto.Port, "caravan-ext-1");
        using var rejections = new RejectionCounter(factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var (owner, _) = await factory.PartyAsync("ext-fwd", "forwarder");
        await RegisterAsync(owner, "trk-ext");
        await SubscribedAsync(factory);

        await PublishAsync(mosquitto.Port, "trk-ext", Batch(Reading(T0, 43.6), Reading(T0.AddMinutes(1), 43.61)).ToJsonString());
        await PublishAsync(mosquitto.Port, "trk-ext", Reading(T0.AddMinutes(2), 43.62).ToJsonString());
        await PublishAsync(mosquitto.Port, "trk-unknown", Reading(T0, 43.6).ToJsonString());
        await PublishAsync(mosquitto.Port, "trk-ext", "{\"time\": \"2026-11-19T12:00:00Z\", \"lat\": 91, \"lon\": 51.1}");

        var store = factory.Services.GetRequiredService<IReadingStore>();
        var track = await EventuallyAsync(() => store.TrackAsync(DeviceId.Parse("trk-ext"), null, null, 10, CancellationToken.None), t => t.Count == 3);
        Assert.Equal([43.6, 43.61, 43.62], track.Select(r => r.Position.Latitude));
        await EventuallyAsync(() => Task.FromResult(rejections.Of("device") + rejections.Of("lat")), n => n == 2);
        Assert.Empty(await store.TrackAsync(DeviceId.Parse("trk-unknown"), null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Messages_published_while_Caravan_is_away_are_delivered_to_its_persistent_session()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync((CaravanUser, CaravanPassword), ("trk-away", DevicePassword));
        using var directory = new TempDirectory();
        string ownerToken;
        await using (var first = External(directory.Path, mosquitto.Port, "caravan-ext-2"))
        {
            var (owner, token) = await first.PartyAsync("away-fwd", "forwarder");
            ownerToken = token;
            await RegisterAsync(owner, "trk-away");
            await SubscribedAsync(first);
        }

        // Caravan is stopped; the broker queues QoS 1 messages for its session.
        for (var minute = 0; minute < 5; minute++)
        {
            await PublishAsync(mosquitto.Port, "trk-away", Reading(T0.AddMinutes(minute), 43.6 + (minute / 100.0)).ToJsonString());
        }

        await using var second = External(directory.Path, mosquitto.Port, "caravan-ext-2");
        await SubscribedAsync(second);
        var store = second.Services.GetRequiredService<IReadingStore>();
        var track = await EventuallyAsync(() => store.TrackAsync(DeviceId.Parse("trk-away"), null, null, 10, CancellationToken.None), t => t.Count == 5);
        Assert.Equal(Enumerable.Range(0, 5).Select(m => T0.AddMinutes(m)), track.Select(r => r.Time));
        Assert.False(string.IsNullOrEmpty(ownerToken));
    }

    [Fact]
    public async Task Wrong_credentials_for_the_external_broker_leave_Caravan_unsubscribed_and_running()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync((CaravanUser, CaravanPassword));
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path, Settings(mosquitto.Port, "caravan-ext-3", "wrong-password"));

        using var health = factory.CreateClient();
        Assert.True((await health.GetAsync("/healthz")).IsSuccessStatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(factory.Services.GetRequiredService<ExternalMqttSubscriber>().IsSubscribed);
    }

    private static CaravanFactory External(string directory, int port, string clientId) => new(directory, Settings(port, clientId, CaravanPassword));

    private static Dictionary<string, string?> Settings(int port, string clientId, string password) => new()
    {
        ["Caravan:Mqtt:Mode"] = "External",
        ["Caravan:Mqtt:Broker"] = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        ["Caravan:Mqtt:Username"] = CaravanUser,
        ["Caravan:Mqtt:Password"] = password,
        ["Caravan:Mqtt:ClientId"] = clientId,
    };

    private static async Task SubscribedAsync(CaravanFactory factory)
    {
        var subscriber = factory.Services.GetRequiredService<ExternalMqttSubscriber>();
        await EventuallyAsync(() => Task.FromResult(subscriber.IsSubscribed), subscribed => subscribed);
    }

    private static async Task PublishAsync(int port, string device, string payload)
    {
        var (code, output) = await Tool.RunAsync(
            "mosquitto_pub", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-i", device, "-u", device, "-P", DevicePassword,
            "-q", "1", "-t", MqttDevices.Topic(device), "-m", payload);
        Assert.True(code == 0, output);
    }

    /// <summary>Polls until <paramref name="done"/> holds (the subscriber stores asynchronously to the publisher); fails after 30 s.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.False(timeout.IsCancellationRequested, $"Still not there after 30 s: {value}");
            await Task.Delay(50);
        }
    }
}
