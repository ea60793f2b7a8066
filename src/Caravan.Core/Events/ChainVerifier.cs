using System.Text.Json;

namespace Caravan.Core.Events;

/// <summary>
/// Checks a shipment's chain end to end, offline: for every entry, in order — its sequence follows the
/// previous one; its <c>previousHash</c> is the hash of the previous entry's full record; its <c>entryHash</c>
/// is the hash of its own full record; the event parses, is canonical, and is the entry's event and shipment;
/// the author's key is known and its detached JWS over the event is valid; the platform key id is the
/// platform's; the last entry carries a platform signature. The platform signs the last entry each write appends
/// (an entry that a later entry of the same write follows has none); that signature is checked cryptographically
/// on the last entry only, unless asked for on every entry that carries one.
/// </summary>
/// <remarks>
/// Why the last platform signature is enough: each entry's <c>entryHash</c> covers every stored field of that
/// entry, its platform signature included, and the next entry's <c>previousHash</c> must equal it. The last
/// entry's platform signature covers its record, which holds its <c>previousHash</c>; so by induction it
/// commits to every byte of every earlier entry (under SHA-256 collision resistance). A valid last signature
/// therefore proves that the platform sealed exactly this chain, and one Ed25519 verification per entry (the
/// author's) remains. What changes with <c>verifyAllPlatformSignatures</c> is where a forgery is reported:
/// someone who rewrites entry k and recomputes every later hash and link passes every hash check, and is
/// caught by the last entry's platform signature — or, with every signature checked, at the first signed entry
/// from k on (k itself, unless a later entry of k's write follows it).
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
    /// <param name="verifyAllPlatformSignatures">Check the platform signature of every entry that carries one, not only the last's.</param>
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
            var isLast = i == entries.Count - 1;
            var reason = Check(entry, i, isLast, entries[0].ShipmentId, previousHash, authorKeys, platformKey, verifyAllPlatformSignatures || isLast, out var recordHash);
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
        bool isLast,
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

        recordHash = ChainRecord.Hash(entry);
        if (entry.EntryHash != recordHash)
        {
            return "entryHash is not the hash of the entry's record: a stored field was changed";
        }

        // The author's signature below covers these exact bytes, and the server checked at write time that they were
        // a valid DCSA event; a full parse here would re-judge what the signature already vouches for. Two things the
        // signature cannot say: that the bytes are the event's one canonical form (RFC 8785), so no second spelling of
        // it can circulate, and that the event is the entry's, read from its top-level ids.
        if (!CanonicalJson.IsCanonical(entry.EventJson))
        {
            return "the event's JSON is not in canonical form";
        }

        if (ReadIds(entry.EventJson.Span) is not var (eventId, eventShipmentId))
        {
            return "the event is not a JSON object with an eventID and a shipmentID";
        }

        if (!Guid.TryParseExact(eventId, "D", out var parsedId) || parsedId != entry.EventId)
        {
            return $"the event's eventID is {eventId}, the entry's {entry.EventId}";
        }

        if (eventShipmentId != entry.ShipmentId)
        {
            return $"the event's shipmentID is {eventShipmentId}, the entry's {entry.ShipmentId}";
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

        if (isLast && !entry.IsPlatformSigned)
        {
            return "the last entry has no platform signature: the platform signs the last entry of every write";
        }

        if (checkPlatformSignature && entry.IsPlatformSigned)
        {
            var platform = DetachedJws.Verify(platformKey, entry.PlatformSignature, ChainRecord.Written(entry, includePlatformSignature: false));
            if (!platform.IsValid)
            {
                return $"the platform's signature does not verify: {platform.Reason}";
            }
        }

        return null;
    }

    /// <summary>The top-level <c>eventID</c> and <c>shipmentID</c> strings of an event's JSON; null when it is not a well-formed object with both.</summary>
    private static (string EventId, string ShipmentId)? ReadIds(ReadOnlySpan<byte> json)
    {
        string? eventId = null;
        string? shipmentId = null;
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isEventId = reader.ValueTextEquals("eventID"u8);
                var isShipmentId = !isEventId && reader.ValueTextEquals("shipmentID"u8);
                reader.Read();
                if ((isEventId || isShipmentId) && reader.TokenType == JsonTokenType.String)
                {
                    if (isEventId)
                    {
                        eventId = reader.GetString();
                    }
                    else
                    {
                        shipmentId = reader.GetString();
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return null;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return eventId is null || shipmentId is null ? null : (eventId, shipmentId);
    }
}
