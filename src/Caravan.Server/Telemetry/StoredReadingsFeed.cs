using System.Threading.Channels;
using Caravan.Core.Telemetry;

namespace Caravan.Server.Telemetry;

/// <summary>
/// Readings just made durable, fanned out in process to whatever follows them (the progress engine, alert rules, the
/// live feed). Every ingestion path (HTTP, OsmAnd, MQTT) publishes here after its append completes, never before, so
/// a follower only ever sees readings that survive a crash. Each subscriber has its own bounded queue: a slow
/// follower loses its oldest batches (counted in <see cref="Dropped"/>) rather than slowing ingestion or growing
/// memory; the readings themselves stay in the store. A batch may repeat readings already stored (duplicates are
/// published as sent) and arrive out of time order: followers keep their own per-device state and tolerate both.
/// </summary>
public sealed class StoredReadingsFeed
{
    /// <summary>Batches a subscriber may fall behind by before its oldest are dropped.</summary>
    public const int DefaultCapacity = 4096;

    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];
    private long _dropped;

    /// <summary>Batches dropped because a subscriber's queue was full, over all subscribers.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>
    /// A queue of every batch published from now on, until <paramref name="cancellationToken"/> is cancelled (then the
    /// reader completes). <paramref name="name"/> says who follows, for diagnostics.
    /// </summary>
    public ChannelReader<IReadOnlyList<TrackerReading>> Subscribe(string name, CancellationToken cancellationToken, int capacity = DefaultCapacity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var subscription = new Subscription(name, this, capacity);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
            }

            subscription.Channel.Writer.TryComplete();
        });
        return subscription.Channel.Reader;
    }

    /// <summary>Hands <paramref name="stored"/> (already durable) to every subscriber; never blocks.</summary>
    public void Publish(IReadOnlyList<TrackerReading> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Count == 0)
        {
            return;
        }

        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Channel.Writer.TryWrite(stored);
        }
    }

    private sealed class Subscription
    {
        public Subscription(string name, StoredReadingsFeed feed, int capacity)
        {
            Name = name;
            Channel = System.Threading.Channels.Channel.CreateBounded<IReadOnlyList<TrackerReading>>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => Interlocked.Increment(ref feed._dropped));
        }

        public string Name { get; }

        public Channel<IReadOnlyList<TrackerReading>> Channel { get; }
    }
}
