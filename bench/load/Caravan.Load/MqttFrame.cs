namespace Caravan.Load;

/// <summary>
/// Where one MQTT control packet lies in a buffer: its type (the fixed header's high nibble), where its body starts
/// after the remaining length (a variable byte integer, MQTT 5.0 §1.5.5) and its whole length.
/// </summary>
internal readonly record struct MqttFrame(byte Type, int BodyOffset, int BodyLength)
{
    public const byte Publish = 3;
    public const byte PubAck = 4;
    public const byte Disconnect = 14;

    public int Length => BodyOffset + BodyLength;

    /// <summary>The packet at the start of <paramref name="buffer"/>; null when the buffer does not hold all of it yet.</summary>
    public static MqttFrame? Read(ReadOnlySpan<byte> buffer)
    {
        var length = 0;
        for (var i = 1; i < 5; i++)
        {
            if (i >= buffer.Length)
            {
                return null;
            }

            var b = buffer[i];
            length |= (b & 0x7F) << (7 * (i - 1));
            if ((b & 0x80) == 0)
            {
                return i + 1 + length <= buffer.Length ? new MqttFrame((byte)(buffer[0] >> 4), i + 1, length) : null;
            }
        }

        throw new InvalidDataException("an MQTT remaining length longer than four bytes");
    }

    /// <summary>
    /// A PUBACK's packet id and reason code: MQTT 5.0 §3.4.2 lets the server leave the reason code out when it is
    /// 0 (success), so a body of two bytes is a success.
    /// </summary>
    public static (ushort PacketId, byte ReasonCode) PubAckOf(ReadOnlySpan<byte> body) =>
        ((ushort)((body[0] << 8) | body[1]), body.Length > 2 ? body[2] : (byte)0);
}
