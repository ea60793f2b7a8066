using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Telemetry;
using Caravan.Storage;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using static Caravan.Server.Tests.TelemetryData;

namespace Caravan.Server.Tests.Mqtt;

/// <summary>
/// Telemetry over MQTT through the embedded broker: devices authenticate with their id and token, publish only to
/// their own topic, and every reading acknowledged is stored; malformed payloads are refused without disturbing others.
/// </summary>
public sealed class EmbeddedBrokerTests(EmbeddedBrokerFixture server) : IClassFixture<EmbeddedBrokerFixture>
{
    // The test clock stands at 2026-11-20T09:00Z; readings are from the day before.
    private static readonly DateTimeOffset T0 = new(2026, 11, 19, 12, 0, 0, TimeSpan.Zero);

    private string Port => server.Port.ToString(CultureInfo.InvariantCulture);

    private IReadingStore Store => server.Factory.Services.GetRequiredService<IReadingStore>();

    [Fact]
    public async Task A_reading_published_with_mosquitto_pub_is_in_the_track_when_acknowledged()
    {
        var token = await RegisterAsync(server.Forwarder, "trk-mosq");

        var (code, output) = await Tool.RunAsync(
            "mosquitto_pub", "-h", "127.0.0.1", "-p", Port, "-i", "trk-mosq", "-u", "trk-mosq", "-P", token, "-q", "1",
            "-t", MqttDevices.Topic("trk-mosq"), "-m", Reading(T0, 43.65, temperature: -18.5, door: "closed").ToJsonString());
        Assert.True(code == 0, output);

        // mosquitto_pub exits after the PUBACK, which is sent only once the reading is durable: no waiting here.
        var track = (await server.Forwarder.GetFromJsonAsync<JsonObject>("/api/devices/trk-mosq/track"))!;
        var reading = Assert.Single(track["readings"]!.AsArray())!;
        Assert.Equal(43.65, reading["lat"]!.GetValue<double>());
        Assert.Equal(-18.5, reading["temperature"]!.GetValue<double>());
        Assert.Equal("closed", reading["door"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_published_over_MQTT_3_1_1_is_stored()
    {
        var token = await RegisterAsync(server.Forwarder, "trk-v311");
        using var device = await MqttDevices.ConnectAsync(server.Port, "trk-v311", token, MqttProtocolVersion.V311);

        await device.PublishAsync(MqttDevices.Topic("trk-v311"), Batch(Reading(T0, 43.6), Reading(T0.AddMinutes(1), 43.61)).ToJsonString());

        Assert.Equal(2, (await Store.TrackAsync(DeviceId.Parse("trk-v311"), null, null, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_wrong_password_a_party_token_or_an_unknown_device_is_refused_at_connect()
    {
        var token = await RegisterAsync(server.Forwarder, "trk-auth");
        await RegisterAsync(server.Forwarder, "trk-auth-other");
        var (_, partyToken) = await server.Factory.PartyAsync("mqtt-auth-party", "forwarder");

        foreach (var (user, password) in new[] { ("trk-auth", "wrong"), ("trk-auth", partyToken), ("trk-auth-other", token), ("no-such-device", token), ("trk-auth", "") })
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            var refused = await client.ConnectAsync(MqttDevices.Options(server.Port, user, password));
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refused.ResultCode);
            Assert.False(client.IsConnected);
        }

        var (code, output) = await Tool.RunAsync(
            "mosquitto_pub", "-h", "127.0.0.1", "-p", Port, "-i", "trk-auth", "-u", "trk-auth", "-P", "wrong", "-q", "1",
            "-t", MqttDevices.Topic("trk-auth"), "-m", Reading(T0, 43.6).ToJsonString());
        Assert.NotEqual(0, code);
        Assert.Contains("refused", output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await Store.TrackAsync(DeviceId.Parse("trk-auth"), null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Publishing_to_another_devices_topic_is_refused_and_counted()
    {
        using var rejections = new RejectionCounter(server.Factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var token = await RegisterAsync(server.Forwarder, "trk-mine");
        await RegisterAsync(server.Forwarder, "trk-victim");
        using var device = await MqttDevices.ConnectAsync(server.Port, "trk-mine", token);

        var result = await device.PublishAsync(MqttDevices.Topic("trk-victim"), Reading(T0, 43.6).ToJsonString());
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        var elsewhere = await device.PublishAsync("some/other/topic", Reading(T0, 43.6).ToJsonString());
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, elsewhere.ReasonCode);

        Assert.Equal(2, rejections.Of("topic"));
        Assert.Empty(await Store.TrackAsync(DeviceId.Parse("trk-victim"), null, null, 10, CancellationToken.None));
        Assert.Empty(await Store.TrackAsync(DeviceId.Parse("trk-mine"), null, null, 10, CancellationToken.None));

        // The connection stays usable for the device's own topic.
        Assert.True((await device.PublishAsync(MqttDevices.Topic("trk-mine"), Reading(T0, 43.6).ToJsonString())).IsSuccess);
    }

    [Fact]
    public async Task Duplicates_are_kept_once_and_out_of_order_readings_are_accepted()
    {
        var token = await RegisterAsync(server.Forwarder, "trk-order");
        using var device = await MqttDevices.ConnectAsync(server.Port, "trk-order", token);
        var topic = MqttDevices.Topic("trk-order");

        foreach (var (minutes, lat) in new[] { (2, 43.62), (0, 43.60), (1, 43.61), (0, 43.99), (2, 43.62) })
        {
            Assert.True((await device.PublishAsync(topic, Reading(T0.AddMinutes(minutes), lat).ToJsonString())).IsSuccess);
        }

        var track = await Store.TrackAsync(DeviceId.Parse("trk-order"), null, null, 10, CancellationToken.None);
        Assert.Equal([T0, T0.AddMinutes(1), T0.AddMinutes(2)], track.Select(r => r.Time));
        Assert.Equal([43.60, 43.61, 43.62], track.Select(r => r.Position.Latitude));
    }

    [Fact]
    public async Task Malformed_payloads_are_rejected_and_counted_while_another_device_keeps_being_served()
    {
        using var rejections = new RejectionCounter(server.Factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var goodToken = await RegisterAsync(server.Forwarder, "trk-good");
        var badToken = await RegisterAsync(server.Forwarder, "trk-bad");
        using var good = await MqttDevices.ConnectAsync(server.Port, "trk-good", goodToken);
        using var bad = await MqttDevices.ConnectAsync(server.Port, "trk-bad", badToken);
        var minute = 0;

        async Task GoodDevicePublishesAsync()
        {
            var result = await good.PublishAsync(MqttDevices.Topic("trk-good"), Reading(T0.AddMinutes(minute++), 43.6).ToJsonString());
            Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        }

        var malformed = new[]
        {
            "{\"time\": \"2026-11-19T12:00:00Z\", \"lat\": 43.6,",
            "{\"time\": \"2026-11-19T12:00:00Z\", \"lat\": NaN, \"lon\": 51.1}",
            "{\"time\": \"2026-11-19T12:00:00Z\", \"lat\": 1e400, \"lon\": 51.1}",
            "{\"time\": \"2026-11-19T12:00:00Z\", \"lat\": 91, \"lon\": 51.1}",
            "{\"time\": \"3000-01-01T00:00:00Z\", \"lat\": 43.6, \"lon\": 51.1}",
        };
        foreach (var payload in malformed)
        {
            var result = await bad.PublishAsync(MqttDevices.Topic("trk-bad"), payload);
            Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, result.ReasonCode);
            Assert.False(string.IsNullOrEmpty(result.ReasonString));
            await GoodDevicePublishesAsync();
        }

        // 1 MB: the broker closes the connection when the header announces it, before reading it.
        var huge = new string(' ', 1024 * 1024);
        await Assert.ThrowsAnyAsync<MqttCommunicationException>(() => bad.PublishAsync(MqttDevices.Topic("trk-bad"), huge));
        await GoodDevicePublishesAsync();

        // The bad device may reconnect and be served like any other.
        using var again = await MqttDevices.ConnectAsync(server.Port, "trk-bad", badToken);
        Assert.True((await again.PublishAsync(MqttDevices.Topic("trk-bad"), Reading(T0, 43.6).ToJsonString())).IsSuccess);

        Assert.Equal(2, rejections.Of("payload"));
        Assert.Equal(2, rejections.Of("lat"));
        Assert.Equal(1, rejections.Of("time"));
        Assert.Equal(1, rejections.Of("size"));
        Assert.Equal(minute, (await Store.TrackAsync(DeviceId.Parse("trk-good"), null, null, 100, CancellationToken.None)).Count);
        Assert.Single(await Store.TrackAsync(DeviceId.Parse("trk-bad"), null, null, 100, CancellationToken.None));
    }

    [Fact]
    public async Task A_device_may_not_subscribe()
    {
        var token = await RegisterAsync(server.Forwarder, "trk-listener");
        using var device = await MqttDevices.ConnectAsync(server.Port, "trk-listener", token);

        var result = await device.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("caravan/devices/+/telemetry").Build());

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, Assert.Single(result.Items).ResultCode);
    }
}
