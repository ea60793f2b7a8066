using System.Net;
using System.Net.Sockets;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Caravan.Load;

/// <summary>
/// An MQTT 5 connection on a bare socket: the CONNECT and SUBSCRIBE come from MQTTnet's encoder, and afterwards the
/// connection writes pre-encoded packets and splits what it reads into packets itself — no client library between
/// the load and the broker, so the generator's CPU per message stays far below the broker's.
/// </summary>
internal sealed class RawMqttConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _filled;

    private RawMqttConnection(Socket socket) => _socket = socket;

    /// <summary>Connects and sends CONNECT; answers once the broker accepted it, or throws with the broker's reason.</summary>
    public static async Task<RawMqttConnection> ConnectAsync(int port, string clientId, string? userName, string? password, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var connection = new RawMqttConnection(socket);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            var packets = new MqttPackets();
            await socket.SendAsync(packets.Connect(clientId, userName, password), SocketFlags.None, cancellationToken);
            var answer = packets.Decode(await connection.ReadPacketAsync(cancellationToken));
            if (answer is not MqttConnAckPacket { ReasonCode: MqttConnectReasonCode.Success })
            {
                throw new InvalidOperationException($"{clientId} refused: {(answer as MqttConnAckPacket)?.ReasonCode.ToString() ?? answer.ToString()} {(answer as MqttConnAckPacket)?.ReasonString}");
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Subscribes to <paramref name="topicFilter"/> at QoS 0 and waits for the SUBACK.</summary>
    public async Task SubscribeAsync(string topicFilter, CancellationToken cancellationToken)
    {
        var packets = new MqttPackets();
        await _socket.SendAsync(packets.Subscribe(topicFilter, 1), SocketFlags.None, cancellationToken);
        var answer = packets.Decode(await ReadPacketAsync(cancellationToken));
        if (answer is not MqttSubAckPacket { ReasonCodes: [MqttSubscribeReasonCode.GrantedQoS0] })
        {
            throw new InvalidOperationException($"subscription to {topicFilter} refused: {answer}");
        }
    }

    /// <summary>Writes of <see cref="SendAsync"/> so far.</summary>
    public long Writes { get; private set; }

    /// <summary>Writes packets in one system call where the kernel allows.</summary>
    public Task SendAsync(IList<ArraySegment<byte>> packets)
    {
        Writes++;
        return _socket.SendAsync(packets, SocketFlags.None);
    }

    /// <summary>
    /// Reads what the broker sent and hands each whole packet to <paramref name="onPacket"/> (type, body, receive
    /// timestamp); false once the broker closed the connection.
    /// </summary>
    public async ValueTask<bool> ReceiveAsync(PacketHandler onPacket, CancellationToken cancellationToken)
    {
        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), SocketFlags.None, cancellationToken);
        if (read == 0)
        {
            return false;
        }

        _filled += read;
        var at = 0;
        while (MqttFrame.Read(_buffer.AsSpan(at, _filled - at)) is { } frame)
        {
            onPacket(frame.Type, _buffer.AsSpan(at + frame.BodyOffset, frame.BodyLength));
            at += frame.Length;
        }

        Consumed(at);
        return true;
    }

    public void Dispose() => _socket.Dispose();

    private async Task<byte[]> ReadPacketAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (MqttFrame.Read(_buffer.AsSpan(0, _filled)) is { } frame)
            {
                var packet = _buffer.AsSpan(0, frame.Length).ToArray();
                Consumed(frame.Length);
                return packet;
            }

            var read = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                throw new InvalidOperationException("the broker closed the connection before answering");
            }

            _filled += read;
        }
    }

    private void Consumed(int bytes)
    {
        if (bytes == 0 && _filled == _buffer.Length)
        {
            throw new InvalidDataException($"an MQTT packet larger than {_buffer.Length} bytes");
        }

        _buffer.AsSpan(bytes, _filled - bytes).CopyTo(_buffer);
        _filled -= bytes;
    }
}

/// <summary>Receives one whole MQTT packet: its type (high nibble of the fixed header) and its body.</summary>
internal delegate void PacketHandler(byte type, ReadOnlySpan<byte> body);
