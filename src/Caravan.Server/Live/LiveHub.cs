using System.Threading.Channels;

namespace Caravan.Server.Live;

/// <summary>
/// The live feed's fan-out: positions, chain entries and alerts are published here once and handed to every open
/// <c>GET /api/live</c> stream, each with its own bounded queue. Publishing never blocks: a stream that falls behind
/// loses its oldest messages (counted in <see cref="Dropped"/>), never slows ingestion or the record. Each stream
/// filters by what its party may see.
/// </summary>
public sealed class LiveHub
{
    /// <summary>Messages a stream may fall behind by before its oldest are dropped.</summary>
    public const int DefaultCapacity = 1024;

    private readonly Lock _gate = new();
    private Channel<LiveMessage>[] _streams = [];
    private long _dropped;

    /// <summary>Messages dropped because a stream's queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>How many streams are open.</summary>
    public int Streams => Volatile.Read(ref _streams).Length;

    /// <summary>A queue of every message published from now on, until <paramref name="cancellationToken"/> is cancelled.</summary>
    public ChannelReader<LiveMessage> Subscribe(CancellationToken cancellationToken, int capacity = DefaultCapacity)
    {
        var channel = Channel.CreateBounded<LiveMessage>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
        lock (_gate)
        {
            _streams = [.. _streams, channel];
        }

        cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _streams = [.. _streams.Where(s => s != channel)];
            }

            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    /// <summary>Hands <paramref name="message"/> to every open stream; never blocks.</summary>
    public void Publish(LiveMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var stream in Volatile.Read(ref _streams))
        {
            stream.Writer.TryWrite(message);
        }
    }
}
