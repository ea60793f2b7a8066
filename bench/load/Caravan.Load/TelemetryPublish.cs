using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Caravan.Load;

/// <summary>
/// One QoS 1 PUBLISH of a device's telemetry, encoded once by MQTTnet and then rewritten in place for each send: its
/// packet id (two bytes after the topic, MQTT 5.0 §3.3.2.2) and its readings' times (24 ASCII characters each), so
/// every message carries new (device, time) pairs without encoding the packet again.
/// </summary>
internal sealed class TelemetryPublish
{
    private static readonly byte[] TimeKey = Encoding.ASCII.GetBytes("\"time\":\"");

    private readonly int _packetIdOffset;
    private readonly int[] _timeOffsets;

    private TelemetryPublish(byte[] packet, int packetIdOffset, int[] timeOffsets)
    {
        Packet = packet;
        _packetIdOffset = packetIdOffset;
        _timeOffsets = timeOffsets;
    }

    /// <summary>The whole packet, ready to write to the socket.</summary>
    public byte[] Packet { get; }

    public int Readings => _timeOffsets.Length;

    public static TelemetryPublish Create(MqttPackets packets, MqttDevice device, int readings)
    {
        var payload = TelemetryPayload.Build(device.Index, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), 0, readings);
        var packet = packets.Publish(device.TelemetryTopic, payload, 1);
        var frame = MqttFrame.Read(packet) ?? throw new InvalidOperationException("MQTTnet encoded a partial PUBLISH");
        var packetIdOffset = frame.BodyOffset + 2 + Encoding.UTF8.GetByteCount(device.TelemetryTopic);
        var payloadOffset = packet.Length - payload.Length;
        var times = new List<int>(readings);
        for (var at = payload.AsSpan().IndexOf(TimeKey); at >= 0;)
        {
            times.Add(payloadOffset + at + TimeKey.Length);
            var next = payload.AsSpan(at + TimeKey.Length).IndexOf(TimeKey);
            at = next < 0 ? -1 : at + TimeKey.Length + next;
        }

        return times.Count == readings
            ? new TelemetryPublish(packet, packetIdOffset, [.. times])
            : throw new InvalidOperationException($"found {times.Count} reading times in a payload of {readings} readings");
    }

    /// <summary>Another packet like this one, with its own bytes.</summary>
    public TelemetryPublish Copy() => new((byte[])Packet.Clone(), _packetIdOffset, _timeOffsets);

    /// <summary>Rewrites the packet id and the readings' times: the first reading at <paramref name="first"/>, each next a millisecond later.</summary>
    public void Set(ushort packetId, DateTime first)
    {
        BinaryPrimitives.WriteUInt16BigEndian(Packet.AsSpan(_packetIdOffset, 2), packetId);
        for (var i = 0; i < _timeOffsets.Length; i++)
        {
            if (!first.AddMilliseconds(i).TryFormat(Packet.AsSpan(_timeOffsets[i], TelemetryPayload.TimeLength), out var written, TelemetryPayload.TimeFormat, CultureInfo.InvariantCulture)
                || written != TelemetryPayload.TimeLength)
            {
                throw new InvalidOperationException($"a reading time of {written} characters, not {TelemetryPayload.TimeLength}");
            }
        }
    }
}
