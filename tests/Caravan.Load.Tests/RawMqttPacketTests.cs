using System.Buffers;
using System.Text.Json;
using MQTTnet.Formatter;
using MQTTnet.Formatter.V5;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Caravan.Load.Tests;

public sealed class RawMqttPacketTests
{
    private static readonly MqttDevice Device = new(7, "load-000007", "token");

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(200)]
    public void A_rewritten_publish_decodes_with_MQTTnet_as_the_device_s_readings_at_the_new_times(int readings)
    {
        var packets = new MqttPackets();
        var publish = TelemetryPublish.Create(packets, Device, readings);
        var first = new DateTime(2026, 12, 2, 14, 59, 59, 995, DateTimeKind.Utc);

        publish.Set(0xBEEF, first);

        var decoded = Assert.IsType<MqttPublishPacket>(packets.Decode(publish.Packet));
        Assert.Equal(0xBEEF, decoded.PacketIdentifier);
        Assert.Equal("caravan/devices/load-000007/telemetry", decoded.Topic);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, decoded.QualityOfServiceLevel);
        using var json = JsonDocument.Parse(decoded.Payload.ToArray());
        var items = readings == 1 ? [json.RootElement] : json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(
            Enumerable.Range(0, readings).Select(i => first.AddMilliseconds(i)),
            items.Select(r => r.GetProperty("time").GetDateTime().ToUniversalTime()));
    }

    [Fact]
    public void A_copy_is_rewritten_apart_from_its_original()
    {
        var packets = new MqttPackets();
        var original = TelemetryPublish.Create(packets, Device, 1);
        var copy = original.Copy();

        original.Set(1, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        copy.Set(2, new DateTime(2026, 1, 1, 0, 0, 1, DateTimeKind.Utc));

        Assert.Equal(1, Assert.IsType<MqttPublishPacket>(packets.Decode(original.Packet)).PacketIdentifier);
        Assert.Equal(2, Assert.IsType<MqttPublishPacket>(packets.Decode(copy.Packet)).PacketIdentifier);
    }

    [Theory]
    [InlineData(MqttPubAckReasonCode.Success, null)]
    [InlineData(MqttPubAckReasonCode.NoMatchingSubscribers, null)]
    [InlineData(MqttPubAckReasonCode.PayloadFormatInvalid, "time: not a time")]
    public void A_PUBACK_encoded_by_MQTTnet_reads_as_its_packet_id_and_reason_code(MqttPubAckReasonCode reason, string? reasonString)
    {
        var encoded = new MqttV5PacketFormatter(new MqttBufferWriter(256, 4096))
            .Encode(new MqttPubAckPacket { PacketIdentifier = 0x0102, ReasonCode = reason, ReasonString = reasonString })
            .ToArray();

        var frame = MqttFrame.Read(encoded);

        Assert.NotNull(frame);
        Assert.Equal(MqttFrame.PubAck, frame.Value.Type);
        Assert.Equal(encoded.Length, frame.Value.Length);
        Assert.Equal(((ushort)0x0102, (byte)reason), MqttFrame.PubAckOf(encoded.AsSpan(frame.Value.BodyOffset, frame.Value.BodyLength)));
    }

    [Fact]
    public void A_packet_split_across_reads_is_whole_only_once_its_last_byte_arrived()
    {
        var packet = TelemetryPublish.Create(new MqttPackets(), Device, 200).Packet;
        Assert.True(packet.Length > 16_384 + 3, "the remaining length takes three bytes");

        Assert.Null(MqttFrame.Read(packet.AsSpan(0, 1)));
        Assert.Null(MqttFrame.Read(packet.AsSpan(0, 3)));
        Assert.Null(MqttFrame.Read(packet.AsSpan(0, packet.Length - 1)));
        var frame = MqttFrame.Read([.. packet, 0x40, 0x02]);
        Assert.Equal(new MqttFrame(MqttFrame.Publish, 4, packet.Length - 4), frame);
    }
}
