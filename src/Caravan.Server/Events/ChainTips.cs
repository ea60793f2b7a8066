using System.Collections.Concurrent;
using Caravan.Core.Events;
using Caravan.Core.Shipments;

namespace Caravan.Server.Events;

/// <summary>
/// For each shipment, the entry its chain will end with once the appends this process has queued for it commit, so the
/// <see cref="EventRecorder"/> can seal a batch — the platform's signature and the hashes — on the request's thread
/// and leave the single writer only the inserts. Appends to one shipment seal and queue in turn (a
/// <see cref="Turn"/>, ended once the write is queued, not when it is durable, so they still share a commit); appends
/// to different shipments seal in parallel. A tip is a prediction: the writer seals again any entry whose sequence and
/// previous hash do not follow the head it finds, so a wrong tip costs time, never a forked chain.
/// </summary>
public sealed class ChainTips
{
    /// <summary>Tips kept before the cache starts over: a forgotten tip only means the writer seals that shipment's next append.</summary>
    internal const int MostTips = 10_000;

    private readonly object[] _turns = [.. Enumerable.Range(0, 256).Select(_ => new object())];
    private readonly ConcurrentDictionary<string, Tip> _tips = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits for <paramref name="shipment"/>'s turn to seal and queue (shared by the shipments whose ids hash alike). A
    /// turn is short and never awaits, so it blocks instead of queueing a continuation: dispose it on the same thread.
    /// </summary>
    public Turn TakeTurn(ShipmentId shipment)
    {
        var gate = _turns[(int)((uint)StringComparer.Ordinal.GetHashCode(shipment.Value) % (uint)_turns.Length)];
        Monitor.Enter(gate);
        if (_tips.Count >= MostTips && !_tips.ContainsKey(shipment.Value))
        {
            _tips.Clear();
        }

        return new Turn(_tips.GetOrAdd(shipment.Value, _ => new Tip()), gate);
    }

    /// <summary>
    /// Records what an append queued under <paramref name="ticket"/> left at the end of the chain: its last appended
    /// entry, or null when that is not known (nothing appended, or the append failed). Ignored once a later append
    /// of the shipment has been queued: that one's settling says where the chain ends.
    /// </summary>
    public void Settle(ShipmentId shipment, Ticket ticket, ChainEntry? last)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (_tips.TryGetValue(shipment.Value, out var tip) && ReferenceEquals(tip, ticket.Tip))
        {
            tip.Settle(ticket.Number, last);
        }
    }

    /// <summary>One shipment's turn to seal after its tip and queue the write; dispose once the write is queued.</summary>
    public sealed class Turn : IDisposable
    {
        private readonly Tip _tip;
        private object? _gate;

        internal Turn(Tip tip, object gate)
        {
            _tip = tip;
            _gate = gate;
        }

        /// <summary>The entry the chain ends with once every queued append commits; null when this process does not know it.</summary>
        public ChainEntry? Last => _tip.Last;

        /// <summary>
        /// Says an append was queued whose entries were sealed up to <paramref name="predicted"/> (null when they are
        /// left to the writer to seal); returns the ticket to settle it with.
        /// </summary>
        public Ticket Queued(ChainEntry? predicted) => new(_tip, _tip.Queue(predicted));

        public void Dispose()
        {
            if (_gate is { } gate)
            {
                _gate = null;
                Monitor.Exit(gate);
            }
        }
    }

    /// <summary>An append queued in a shipment's turn, to <see cref="Settle"/> when it is answered.</summary>
    public sealed class Ticket
    {
        internal Ticket(Tip tip, long number)
        {
            Tip = tip;
            Number = number;
        }

        internal Tip Tip { get; }

        internal long Number { get; }
    }

    internal sealed class Tip
    {
        private readonly Lock _lock = new();
        private ChainEntry? _last;
        private long _queued;

        public ChainEntry? Last
        {
            get
            {
                lock (_lock)
                {
                    return _last;
                }
            }
        }

        public long Queue(ChainEntry? predicted)
        {
            lock (_lock)
            {
                _last = Keep(predicted);
                return ++_queued;
            }
        }

        public void Settle(long number, ChainEntry? last)
        {
            lock (_lock)
            {
                if (number == _queued)
                {
                    _last = Keep(last);
                }
            }
        }

        // The next entry is sealed after this one's sequence and hash; its event's bytes need not stay in memory.
        private static ChainEntry? Keep(ChainEntry? entry) => entry is null ? null : entry with { EventJson = ReadOnlyMemory<byte>.Empty };
    }
}
