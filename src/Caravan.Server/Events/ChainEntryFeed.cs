using Caravan.Core.Events;

namespace Caravan.Server.Events;

/// <summary>
/// Chain entries just appended, handed in process to whatever follows the record (the live feed). The
/// <see cref="EventRecorder"/> publishes after the append has committed, never before, so a follower only sees
/// entries that survive a crash. Followers are callbacks run on the appending thread: they must be quick and must
/// not block (the live feed only queues the entries).
/// </summary>
public sealed class ChainEntryFeed
{
    private readonly Lock _gate = new();
    private Action<IReadOnlyList<ChainEntry>>[] _followers = [];

    /// <summary>Calls <paramref name="follower"/> with every batch of entries appended from now on.</summary>
    public void Follow(Action<IReadOnlyList<ChainEntry>> follower)
    {
        ArgumentNullException.ThrowIfNull(follower);
        lock (_gate)
        {
            _followers = [.. _followers, follower];
        }
    }

    /// <summary>Hands <paramref name="appended"/> (durable) to every follower.</summary>
    public void Publish(IReadOnlyList<ChainEntry> appended)
    {
        ArgumentNullException.ThrowIfNull(appended);
        if (appended.Count == 0)
        {
            return;
        }

        foreach (var follower in Volatile.Read(ref _followers))
        {
            follower(appended);
        }
    }
}
