namespace Caravan.Core.Events;

/// <summary>
/// Seals an author-signed event into a shipment's chain: the next sequence number, the previous entry's hash,
/// the time, and the platform's signature over the entry. The caller (the server) has already checked the
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
    /// <exception cref="ArgumentException">The signature has no readable kid, or the event is for another shipment than <paramref name="previous"/>.</exception>
    public static ChainEntry Seal(
        ChainEntry? previous,
        string authorPartyId,
        string authorSignature,
        ShipmentEvent shipmentEvent,
        EventSigningKey platformKey,
        DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(shipmentEvent);
        if (previous is not null && previous.ShipmentId != shipmentEvent.ShipmentId)
        {
            throw new ArgumentException(
                $"The event is for shipment {shipmentEvent.ShipmentId}, the chain is shipment {previous.ShipmentId}'s.",
                nameof(shipmentEvent));
        }

        return Seal(previous?.Sequence ?? 0, previous?.EntryHash ?? ChainEntry.GenesisHash, authorPartyId, authorSignature, shipmentEvent, platformKey, recordedAt);
    }

    /// <summary>
    /// The entry that follows the entry numbered <paramref name="previousSequence"/> with hash
    /// <paramref name="previousHash"/> in the event's shipment's chain (0 and <see cref="ChainEntry.GenesisHash"/> for
    /// the first entry): for a caller that knows the chain's head without holding its last entry.
    /// </summary>
    /// <inheritdoc cref="Seal(ChainEntry?, string, string, ShipmentEvent, EventSigningKey, DateTimeOffset)"/>
    public static ChainEntry Seal(
        long previousSequence,
        string previousHash,
        string authorPartyId,
        string authorSignature,
        ShipmentEvent shipmentEvent,
        EventSigningKey platformKey,
        DateTimeOffset recordedAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(previousSequence);
        ArgumentException.ThrowIfNullOrWhiteSpace(previousHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorPartyId);
        ArgumentNullException.ThrowIfNull(shipmentEvent);
        ArgumentNullException.ThrowIfNull(platformKey);
        if (!DetachedJws.TryReadKeyId(authorSignature, out var authorKid, out var error))
        {
            throw new ArgumentException($"The author signature cannot be sealed: {error}.", nameof(authorSignature));
        }

        var unsealed = new ChainEntry(
            Sequence: previousSequence + 1,
            ShipmentId: shipmentEvent.ShipmentId,
            EventId: shipmentEvent.EventId,
            EventJson: shipmentEvent.CanonicalJson,
            AuthorPartyId: authorPartyId,
            AuthorKid: authorKid,
            AuthorSignature: authorSignature,
            PreviousHash: previousHash,
            RecordedAt: new DateTimeOffset(recordedAt.UtcTicks, TimeSpan.Zero),
            PlatformKid: platformKey.Kid,
            PlatformSignature: string.Empty,
            EntryHash: string.Empty);
        var signed = unsealed with { PlatformSignature = DetachedJws.Sign(platformKey, unsealed.CanonicalRecordToSign()) };
        return signed with { EntryHash = ChainRecord.Hash(signed.CanonicalRecord()) };
    }
}
