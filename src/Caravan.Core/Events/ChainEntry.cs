namespace Caravan.Core.Events;

/// <summary>
/// One sealed entry of a shipment's chain, exactly as stored: the event's canonical JSON and its author's
/// signature, the link to the previous entry, when the platform recorded it, the platform's signature, and the
/// entry's hash. It holds whatever was stored, valid or not — <see cref="ChainVerifier"/> decides whether it is
/// intact — so a store can read rows back into entries without judging them. Made by <see cref="ChainSealer"/>.
/// </summary>
/// <param name="Sequence">1 for the first entry of a shipment, then 2, 3, … without gaps.</param>
/// <param name="ShipmentId">The shipment whose chain this is; equal to the event's <c>shipmentID</c>.</param>
/// <param name="EventId">The event's <c>eventID</c>.</param>
/// <param name="EventJson">The event's RFC 8785 canonical JSON, the bytes the author signed.</param>
/// <param name="AuthorPartyId">The party that wrote the event.</param>
/// <param name="AuthorKid">The id of the author's key (RFC 7638 thumbprint).</param>
/// <param name="AuthorSignature">The author's detached JWS over <paramref name="EventJson"/>.</param>
/// <param name="PreviousHash">The previous entry's <see cref="EntryHash"/>; 64 zeros for the first entry.</param>
/// <param name="RecordedAt">When the platform sealed the entry (UTC).</param>
/// <param name="PlatformKid">The id of the platform key that sealed the entry.</param>
/// <param name="PlatformSignature">
/// The platform's detached JWS over this entry's canonical record without the platform signature; empty on an entry
/// that a later entry of the same write follows (the platform signs the last entry each write appends to a chain, and
/// that signature covers every earlier entry through the hash links).
/// </param>
/// <param name="EntryHash">SHA-256, lower-case hex, of this entry's full canonical record (platform signature included).</param>
public sealed record ChainEntry(
    long Sequence,
    string ShipmentId,
    Guid EventId,
    ReadOnlyMemory<byte> EventJson,
    string AuthorPartyId,
    string AuthorKid,
    string AuthorSignature,
    string PreviousHash,
    DateTimeOffset RecordedAt,
    string PlatformKid,
    string PlatformSignature,
    string EntryHash)
{
    /// <summary>The <see cref="PreviousHash"/> of the first entry: SHA-256's width in hex, all zeros.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Whether the platform signed this entry (the last one of its write); see <see cref="PlatformSignature"/>.</summary>
    public bool IsPlatformSigned => PlatformSignature.Length > 0;

    /// <summary>This entry's canonical record, the JSON that <see cref="EntryHash"/> hashes (docs/record.md).</summary>
    public byte[] CanonicalRecord() => ChainRecord.Write(this, includePlatformSignature: true);

    /// <summary>The canonical record without <c>platformSignature</c>: the bytes the platform signs.</summary>
    public byte[] CanonicalRecordToSign() => ChainRecord.Write(this, includePlatformSignature: false);

    // ReadOnlyMemory compares by reference; entries are equal when their stored bytes are.
    public bool Equals(ChainEntry? other) =>
        other is not null
        && Sequence == other.Sequence
        && ShipmentId == other.ShipmentId
        && EventId == other.EventId
        && EventJson.Span.SequenceEqual(other.EventJson.Span)
        && AuthorPartyId == other.AuthorPartyId
        && AuthorKid == other.AuthorKid
        && AuthorSignature == other.AuthorSignature
        && PreviousHash == other.PreviousHash
        && RecordedAt == other.RecordedAt
        && PlatformKid == other.PlatformKid
        && PlatformSignature == other.PlatformSignature
        && EntryHash == other.EntryHash;

    public override int GetHashCode() => HashCode.Combine(Sequence, ShipmentId, EventId, EntryHash);
}
