using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Formatter.V5;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Caravan.Load;

/// <summary>
/// MQTT 5 packets as bytes, encoded and decoded by MQTTnet's own formatter — the packets a raw connection sends once
/// (CONNECT, SUBSCRIBE) or pre-encodes (PUBLISH), and the answers it reads once (CONNACK, SUBACK). Not thread-safe.
/// </summary>
internal sealed class MqttPackets
{
    private readonly MqttV5PacketFormatter _formatter = new(new MqttBufferWriter(4096, 65536));

    public byte[] Connect(string clientId, string? userName, string? password) => Encode(new MqttConnectPacket
    {
        ClientId = clientId,
        Username = userName,
        Password = password is null ? null : System.Text.Encoding.UTF8.GetBytes(password),
        CleanSession = true,
        KeepAlivePeriod = 0,
    });

    public byte[] Subscribe(string topicFilter, ushort packetId) => Encode(new MqttSubscribePacket
    {
        PacketIdentifier = packetId,
        TopicFilters = [new MqttTopicFilter { Topic = topicFilter, QualityOfServiceLevel = MqttQualityOfServiceLevel.AtMostOnce }],
    });

    public byte[] Publish(string topic, ReadOnlyMemory<byte> payload, ushort packetId) => Encode(new MqttPublishPacket
    {
        Topic = topic,
        Payload = new System.Buffers.ReadOnlySequence<byte>(payload),
        QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
        PacketIdentifier = packetId,
    });

    /// <summary>Decodes one whole packet (fixed header included) with MQTTnet's decoder.</summary>
    public MqttPacket Decode(ReadOnlySpan<byte> packet)
    {
        var frame = MqttFrame.Read(packet) ?? throw new ArgumentException("not one whole MQTT packet", nameof(packet));
        var body = packet.Slice(frame.BodyOffset, frame.BodyLength).ToArray();
        return _formatter.Decode(new ReceivedMqttPacket(packet[0], new ArraySegment<byte>(body), frame.Length));
    }

    private byte[] Encode(MqttPacket packet) => _formatter.Encode(packet).ToArray();
}
