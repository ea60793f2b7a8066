using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Caravan.Server.Tests.Mqtt;

/// <summary>MQTT clients acting as devices (MQTTnet), for what mosquitto_pub cannot show: MQTT 5 reason codes and timing of PUBACKs.</summary>
public static class MqttDevices
{
    public static MqttClientOptions Options(int port, string user, string? password, MqttProtocolVersion version = MqttProtocolVersion.V500) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId($"{user}-{Guid.NewGuid():N}")
            .WithCredentials(user, password)
            .WithProtocolVersion(version)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();

    public static async Task<IMqttClient> ConnectAsync(int port, string user, string? password, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(Options(port, user, password, version));
        return client;
    }

    public static Task<MqttClientPublishResult> PublishAsync(this IMqttClient client, string topic, string payload, CancellationToken cancellationToken = default) =>
        client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(Encoding.UTF8.GetBytes(payload))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            cancellationToken);

    public static string Topic(string device) => $"caravan/devices/{device}/telemetry";
}
