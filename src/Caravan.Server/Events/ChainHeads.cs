using System.Collections.Concurrent;
using Caravan.Core.Events;
using Caravan.Core.Shipments;
using Caravan.Storage;

namespace Caravan.Server.Events;

/// <summary>
/// Per-shipment locks and each chain's head (length and last hash) as this process last appended it, so the
/// <see cref="EventRecorder"/> can seal a batch on the request's thread — the platform's signature and the hashes —
/// and leave the single writer only the lookups and inserts. Appends to one shipment take its lock in turn; appends to
/// different shipments seal in parallel. The head is a hint: the store seals again inside the writer whenever the
/// chain it finds is not the one an entry was sealed after, so a stale head costs time, never a forked chain.
/// </summary>
public sealed class ChainHeads(IEventStore events)
{
    /// <summary>Heads kept before the cache starts over (each is a sequence and a 64-character hash).</summary>
    private const int MostHeads = 200_000;

    private readonly SemaphoreSlim[] _locks = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private readonly ConcurrentDictionary<string, (long Sequence, string Hash)> _heads = new(StringComparer.Ordinal);

    /// <summary>Waits for <paramref name="shipment"/>'s lock (shared by the shipments whose ids hash alike); dispose to release.</summary>
    public async Task<Releaser> LockAsync(ShipmentId shipment, CancellationToken cancellationToken)
    {
        var gate = _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(shipment.Value) % (uint)_locks.Length)];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(gate);
    }

    /// <summary>The chain's head: from the cache, or read from the store (0 and the genesis hash before the first entry).</summary>
    public async Task<(long Sequence, string Hash)> HeadAsync(ShipmentId shipment, CancellationToken cancellationToken)
    {
        if (_heads.TryGetValue(shipment.Value, out var cached))
        {
            return cached;
        }

        var stored = await events.HeadAsync(shipment, cancellationToken).ConfigureAwait(false);
        return stored is null ? (0, ChainEntry.GenesisHash) : (stored.Sequence, stored.EntryHash);
    }

    /// <summary>Records the chain's new last entry after an append committed.</summary>
    public void Advance(ChainEntry last)
    {
        ArgumentNullException.ThrowIfNull(last);
        if (_heads.Count >= MostHeads)
        {
            _heads.Clear();
        }

        _heads[last.ShipmentId] = (last.Sequence, last.EntryHash);
    }

    /// <summary>Drops the cached head (after a failed append), so the next append reads it from the store.</summary>
    public void Forget(ShipmentId shipment) => _heads.TryRemove(shipment.Value, out _);

    /// <summary>Releases a shipment's lock.</summary>
    public readonly struct Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
