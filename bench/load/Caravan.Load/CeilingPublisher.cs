using System.Diagnostics;
using System.Globalization;

namespace Caravan.Load;

/// <summary>
/// The stretch of a ceiling run that counts: acknowledgements received from <see cref="From"/> until
/// <see cref="Until"/> (<see cref="Stopwatch"/> timestamps); publishing stops at <see cref="Until"/>.
/// </summary>
internal sealed record MeasuredWindow(long From, long Until)
{
    public double Seconds => Stopwatch.GetElapsedTime(From, Until).TotalSeconds;

    public bool Holds(long timestamp) => timestamp >= From && timestamp < Until;
}

/// <summary>
/// One device publishing closed loop on a raw connection: it keeps <c>window</c> QoS 1 messages in flight, sending
/// the next as soon as a PUBACK frees a packet id, with every send of a burst written at once. What it counts is
/// read once it has finished.
/// </summary>
internal sealed class CeilingPublisher(RawMqttConnection connection, MqttDevice device, TelemetryPublish template, int window, DateTime baseTime)
{
    private readonly TelemetryPublish[] _slots = [.. Enumerable.Range(0, window).Select(_ => template.Copy())];
    private readonly long[] _sentAt = new long[window];
    private readonly List<int> _queued = new(window);
    private readonly List<ArraySegment<byte>> _burst = new(window);

    /// <summary>
    /// Freed packet ids wait until this many can go in one write (or nothing else is in flight): fewer system calls
    /// and wake-ups per message, at the cost of keeping between three quarters of the window and all of it in flight.
    /// </summary>
    private readonly int _refill = Math.Max(1, window / 4);
    private long _sequence;
    private int _inFlight;
    private MeasuredWindow? _measured;

    public MqttDevice Device => device;

    public long Sent { get; private set; }

    /// <summary>Messages acknowledged (any reason code) within the measured window.</summary>
    public long AckedInWindow { get; private set; }

    public long Rejected { get; private set; }

    public string? FirstRejection { get; private set; }

    /// <summary>Messages still without a PUBACK when the run stopped waiting for them (not a failure: the broker was behind).</summary>
    public int LeftInFlight { get; private set; }

    /// <summary>Why the connection stopped before the run ended; null if it did not.</summary>
    public string? Failure { get; private set; }

    /// <summary>Readings in messages the broker acknowledged with success, over the whole run: all of them must be stored.</summary>
    public long AcknowledgedReadings { get; private set; }

    /// <summary>Publish → PUBACK in milliseconds of the messages acknowledged within the measured window.</summary>
    public List<double> Latencies { get; } = new(1024);

    public async Task RunAsync(MeasuredWindow measured, CancellationToken cancellationToken)
    {
        _measured = measured;
        try
        {
            for (var slot = 0; slot < _slots.Length; slot++)
            {
                Queue(slot);
            }

            await SendBurstAsync();
            while (_inFlight > 0)
            {
                if (!await connection.ReceiveAsync(OnPacket, cancellationToken))
                {
                    Failure ??= $"{device.Id}: the broker closed the connection with {_inFlight} messages unacknowledged";
                    return;
                }

                await SendBurstAsync();
            }
        }
        catch (OperationCanceledException)
        {
            LeftInFlight = _inFlight;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or InvalidDataException)
        {
            Failure ??= $"{device.Id}: {e.GetType().Name}: {e.Message}";
        }
    }

    private void OnPacket(byte type, ReadOnlySpan<byte> body)
    {
        if (type == MqttFrame.Disconnect)
        {
            Failure ??= string.Create(CultureInfo.InvariantCulture, $"{device.Id}: DISCONNECT from the broker, reason 0x{(body.Length > 0 ? body[0] : 0):X2}");
            return;
        }

        if (type != MqttFrame.PubAck)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var (packetId, reason) = MqttFrame.PubAckOf(body);
        var slot = packetId - 1;
        if ((uint)slot >= (uint)_slots.Length)
        {
            throw new InvalidDataException($"{device.Id}: a PUBACK for packet id {packetId}, which was never sent");
        }

        _inFlight--;
        if (_measured!.Holds(now))
        {
            AckedInWindow++;
            Latencies.Add(Stopwatch.GetElapsedTime(_sentAt[slot], now).TotalMilliseconds);
        }

        if (reason >= 0x80)
        {
            Rejected++;
            FirstRejection ??= string.Create(CultureInfo.InvariantCulture, $"{device.Id}: PUBACK reason 0x{reason:X2}");
        }
        else
        {
            AcknowledgedReadings += _slots[slot].Readings;
        }

        if (now < _measured.Until)
        {
            Queue(slot);
        }
    }

    /// <summary>Gives the slot's packet the next readings of the device and queues it for the next burst.</summary>
    private void Queue(int slot)
    {
        var packet = _slots[slot];
        packet.Set((ushort)(slot + 1), baseTime.AddMilliseconds(_sequence));
        _sequence += packet.Readings;
        _queued.Add(slot);
        _inFlight++;
        Sent++;
    }

    private async Task SendBurstAsync()
    {
        if (_queued.Count >= _refill || (_queued.Count > 0 && _inFlight == _queued.Count))
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var slot in _queued)
            {
                _sentAt[slot] = now;
                _burst.Add(_slots[slot].Packet);
            }

            await connection.SendAsync(_burst);
            _burst.Clear();
            _queued.Clear();
        }
    }
}
