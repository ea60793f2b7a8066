namespace Caravan.Core.Events;

/// <summary>
/// Checks a shipment's chain end to end, offline: for every entry, in order — its sequence follows the
/// previous one; its <c>previousHash</c> is the hash of the previous entry's full record; its <c>entryHash</c>
/// is the hash of its own full record; the event parses, is canonical, and is the entry's event and shipment;
/// the author's key is known and its detached JWS over the event is valid; the platform key id is the
/// platform's. The platform's signature is checked cryptographically on the last entry only, unless asked for
/// on every entry.
/// </summary>
/// <remarks>
/// Why the last platform signature is enough: each entry's <c>entryHash</c> covers every stored field of that
/// entry, its platform signature included, and the next entry's <c>previousHash</c> must equal it. The last
/// entry's platform signature covers its record, which holds its <c>previousHash</c>; so by induction it
/// commits to every byte of every earlier entry (under SHA-256 collision resistance). A valid last signature
/// therefore proves that the platform sealed exactly this chain, and one Ed25519 verification per entry (the
/// author's) remains. What changes with <c>verifyAllPlatformSignatures</c> is where a forgery is reported:
/// someone who rewrites entry k and recomputes every later hash and link passes every hash check, and is
/// caught by the last entry's platform signature — or, with every signature checked, at entry k itself.
/// Any change that is not followed by such a recomputation fails a hash, sequence or author check at the
/// changed entry. No chain check can see entries removed from the end: compare the length or last hash with
/// one obtained independently (the server's <c>/verify</c>).
/// </remarks>
public static class ChainVerifier
{
    /// <summary>Verifies <paramref name="entries"/> as one shipment's chain from its first entry.</summary>
    /// <param name="entries">The chain in stored order.</param>
    /// <param name="authorKeys">Finds a party's public key by (party id, kid); null when the party has no such key.</param>
    /// <param name="platformKey">The platform's public key.</param>
    /// <param name="verifyAllPlatformSignatures">Check the platform signature of every entry, not only the last.</param>
    public static ChainVerification Verify(
        IReadOnlyList<ChainEntry> entries,
        Func<string, string, EventPublicKey?> authorKeys,
        EventPublicKey platformKey,
        bool verifyAllPlatformSignatures = false)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(authorKeys);
        ArgumentNullException.ThrowIfNull(platformKey);
        var previousHash = ChainEntry.GenesisHash;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException($"Entry {i} is null.", nameof(entries));
            var checkPlatformSignature = verifyAllPlatformSignatures || i == entries.Count - 1;
            var reason = Check(entry, i, entries[0].ShipmentId, previousHash, authorKeys, platformKey, checkPlatformSignature, out var recordHash);
            if (reason is not null)
            {
                return new ChainVerification(i, new ChainBreak(entry.Sequence, i, entry.EventId, reason));
            }

            previousHash = recordHash;
        }

        return new ChainVerification(entries.Count, null);
    }

    private static string? Check(
        ChainEntry entry,
        int index,
        string shipmentId,
        string previousHash,
        Func<string, string, EventPublicKey?> authorKeys,
        EventPublicKey platformKey,
        bool checkPlatformSignature,
        out string recordHash)
    {
        recordHash = string.Empty;
        if (entry.Sequence != index + 1)
        {
            return $"sequence {entry.Sequence} where {index + 1} was expected";
        }

        if (entry.ShipmentId != shipmentId)
        {
            return $"the entry is for shipment {entry.ShipmentId}, the chain is shipment {shipmentId}'s";
        }

        if (entry.PreviousHash != previousHash)
        {
            return index == 0
                ? "previousHash of the first entry is not 64 zeros"
                : "previousHash is not the hash of the previous entry's record";
        }

        recordHash = ChainRecord.Hash(entry.CanonicalRecord());
        if (entry.EntryHash != recordHash)
        {
            return "entryHash is not the hash of the entry's record: a stored field was changed";
        }

        var parsed = ShipmentEventJson.TryParse(entry.EventJson);
        if (parsed.Event is not { } shipmentEvent)
        {
            return $"the event does not parse: {string.Join("; ", parsed.Problems)}";
        }

        if (!entry.EventJson.Span.SequenceEqual(shipmentEvent.CanonicalJson.Span))
        {
            return "the event's JSON is not in canonical form";
        }

        if (shipmentEvent.EventId != entry.EventId)
        {
            return $"the event's eventID is {shipmentEvent.EventId}, the entry's {entry.EventId}";
        }

        if (shipmentEvent.ShipmentId != entry.ShipmentId)
        {
            return $"the event's shipmentID is {shipmentEvent.ShipmentId}, the entry's {entry.ShipmentId}";
        }

        if (authorKeys(entry.AuthorPartyId, entry.AuthorKid) is not { } authorKey || authorKey.Kid != entry.AuthorKid)
        {
            return $"party {entry.AuthorPartyId} has no key {entry.AuthorKid}";
        }

        var author = DetachedJws.Verify(authorKey, entry.AuthorSignature, entry.EventJson.Span);
        if (!author.IsValid)
        {
            return $"the author's signature does not verify: {author.Reason}";
        }

        if (entry.PlatformKid != platformKey.Kid)
        {
            return $"sealed with platform key {entry.PlatformKid}, not {platformKey.Kid}";
        }

        if (checkPlatformSignature)
        {
            var platform = DetachedJws.Verify(platformKey, entry.PlatformSignature, entry.CanonicalRecordToSign());
            if (!platform.IsValid)
            {
                return $"the platform's signature does not verify: {platform.Reason}";
            }
        }

        return null;
    }
}
