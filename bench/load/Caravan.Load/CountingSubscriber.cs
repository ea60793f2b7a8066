using System.Diagnostics;

namespace Caravan.Load;

/// <summary>
/// The one subscriber of a broker under test, on a raw connection: it subscribes at QoS 0 and only counts the
/// PUBLISH packets it receives, over the run and within the measured window.
/// </summary>
internal sealed class CountingSubscriber(RawMqttConnection connection)
{
    private MeasuredWindow? _measured;

    public long Received { get; private set; }

    public long ReceivedInWindow { get; private set; }

    public string? Failure { get; private set; }

    /// <summary>Counts until the broker closes the connection or <paramref name="cancellationToken"/> stops it.</summary>
    public async Task RunAsync(MeasuredWindow measured, CancellationToken cancellationToken)
    {
        _measured = measured;
        try
        {
            while (await connection.ReceiveAsync(OnPacket, cancellationToken))
            {
            }

            Failure = "the broker closed the subscriber's connection";
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or InvalidDataException)
        {
            Failure = $"{e.GetType().Name}: {e.Message}";
        }
    }

    private void OnPacket(byte type, ReadOnlySpan<byte> body)
    {
        if (type != MqttFrame.Publish)
        {
            return;
        }

        Received++;
        if (_measured!.Holds(Stopwatch.GetTimestamp()))
        {
            ReceivedInWindow++;
        }
    }
}
