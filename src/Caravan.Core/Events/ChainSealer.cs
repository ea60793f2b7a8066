namespace Caravan.Core.Events;

/// <summary>
/// Seals an author-signed event into a shipment's chain: the next sequence number, the previous entry's hash,
/// the time, and — on the last entry a write appends to the chain — the platform's signature over the entry, which
/// covers every entry before it through the hash links. The caller (the server) has already checked the
/// author's signature and write rights and serialises appends per shipment, so a chain never forks.
/// </summary>
public static class ChainSealer
{
    /// <summary>The entry that follows <paramref name="previous"/> (null for a shipment's first entry).</summary>
    /// <param name="previous">The chain's current last entry, or null.</param>
    /// <param name="authorPartyId">The party that signed the event.</param>
    /// <param name="authorSignature">The author's detached JWS over the event's canonical JSON; its <c>kid</c> is recorded.</param>
    /// <param name="shipmentEvent">The event, parsed by <see cref="ShipmentEventJson"/>.</param>
    /// <param name="platformKey">The platform's signing key.</param>
    /// <param name="recordedAt">When the entry is sealed, from the caller's clock; stored in UTC to 100 ns.</param>
    /// <param name="platformSigns">
    /// Whether the platform signs the entry: true for the last entry a write appends to the chain; false for one that
    /// a later entry of the same write will follow (its signature then covers this one).
    /// </param>
    /// <exception cref="ArgumentException">The signature has no readable kid, or the event is for another shipment than <paramref name="previous"/>.</exception>
    public static ChainEntry Seal(
        ChainEntry? previous,
        string authorPartyId,
        string authorSignature,
        ShipmentEvent shipmentEvent,
        EventSigningKey platformKey,
        DateTimeOffset recordedAt,
        bool platformSigns = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authorPartyId);
        ArgumentNullException.ThrowIfNull(shipmentEvent);
        ArgumentNullException.ThrowIfNull(platformKey);
        if (!DetachedJws.TryReadKeyId(authorSignature, out var authorKid, out var error))
        {
            throw new ArgumentException($"The author signature cannot be sealed: {error}.", nameof(authorSignature));
        }

        if (previous is not null && previous.ShipmentId != shipmentEvent.ShipmentId)
        {
            throw new ArgumentException(
                $"The event is for shipment {shipmentEvent.ShipmentId}, the chain is shipment {previous.ShipmentId}'s.",
                nameof(shipmentEvent));
        }

        var unsealed = new ChainEntry(
            Sequence: NextSequence(previous),
            ShipmentId: shipmentEvent.ShipmentId,
            EventId: shipmentEvent.EventId,
            EventJson: shipmentEvent.CanonicalJson,
            AuthorPartyId: authorPartyId,
            AuthorKid: authorKid,
            AuthorSignature: authorSignature,
            PreviousHash: PreviousHash(previous),
            RecordedAt: new DateTimeOffset(recordedAt.UtcTicks, TimeSpan.Zero),
            PlatformKid: platformKey.Kid,
            PlatformSignature: string.Empty,
            EntryHash: string.Empty);
        var sealedEntry = platformSigns
            ? unsealed with { PlatformSignature = DetachedJws.Sign(platformKey, ChainRecord.Written(unsealed, includePlatformSignature: false)) }
            : unsealed;
        return sealedEntry with { EntryHash = ChainRecord.Hash(sealedEntry) };
    }

    /// <summary>
    /// Whether <paramref name="entry"/> was sealed to follow <paramref name="previous"/> (null for a shipment's first
    /// entry): its sequence is the next one and its previous hash is that entry's hash.
    /// </summary>
    public static bool Follows(ChainEntry entry, ChainEntry? previous)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Sequence == NextSequence(previous) && entry.PreviousHash == PreviousHash(previous);
    }

    private static long NextSequence(ChainEntry? previous) => (previous?.Sequence ?? 0) + 1;

    private static string PreviousHash(ChainEntry? previous) => previous?.EntryHash ?? ChainEntry.GenesisHash;
}
