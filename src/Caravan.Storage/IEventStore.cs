using Caravan.Core.Events;
using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>The shipments' chains: append-only entries, appended by one writer so that a chain never forks.</summary>
public interface IEventStore
{
    /// <summary>
    /// In one writer turn, for each event in order: an event id already stored is AlreadyRecorded (same canonical
    /// bytes) or a Conflict (different bytes); any other event is sealed by <paramref name="seal"/> after the chain's
    /// last entry (null for the first) and stored. All or nothing: when any event conflicts, nothing is written.
    /// <paramref name="seal"/>'s third argument says whether the entry is the last this call appends, the one the
    /// platform signs.
    /// </summary>
    Task<IReadOnlyList<AppendResult>> AppendAsync(
        ShipmentId shipment,
        IReadOnlyList<EventToAppend> events,
        Func<ChainEntry?, EventToAppend, bool, ChainEntry> seal,
        CancellationToken cancellationToken);

    /// <summary>The shipment's entries in sequence order, exactly as stored.</summary>
    Task<IReadOnlyList<ChainEntry>> ListAsync(ShipmentId shipment, CancellationToken cancellationToken);

    /// <summary>
    /// The shipment's entries and the chain's length and last hash as recorded at the last append (null before the
    /// first), read in one snapshot: a chain being appended to reads back consistent with its head.
    /// </summary>
    Task<StoredChain> ReadChainAsync(ShipmentId shipment, CancellationToken cancellationToken);

    /// <summary>
    /// The length of each chain (the sequence of its last entry) of the shipments <paramref name="party"/> holds a
    /// role in, as recorded at the last append; shipments with no entry yet are left out.
    /// </summary>
    Task<IReadOnlyDictionary<ShipmentId, long>> ChainLengthsAsync(PartyId party, CancellationToken cancellationToken);

    /// <summary>How many entries are stored, over every shipment.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Events of shipments <paramref name="party"/> holds a role in that match <paramref name="query"/>, in append
    /// order after position <paramref name="after"/> (0: from the start), at most <paramref name="limit"/>.
    /// </summary>
    Task<EventPage> QueryAsync(PartyId party, EventQuery query, long after, int limit, CancellationToken cancellationToken);
}
