using System.Text.Json.Serialization;
using Caravan.Core.Events;

namespace Caravan.Server.Events;

/// <summary>
/// A sealed chain entry as the API shows it: the fields of the entry record (docs/record.md §4), the event as its
/// stored canonical JSON, and the author as <c>{partyID, kid}</c>. <c>platformSignature</c> is left out on an entry
/// the platform did not sign (one that a later entry of the same write follows).
/// </summary>
public sealed record EntryResponse(
    long Sequence,
    [property: JsonPropertyName("shipmentID")] string ShipmentId,
    [property: JsonPropertyName("eventID")] Guid EventId,
    RawJson Event,
    EntryAuthorResponse Author,
    string AuthorSignature,
    string PreviousHash,
    string RecordedAt,
    string PlatformKid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PlatformSignature,
    string EntryHash)
{
    /// <summary>The format of <see cref="RecordedAt"/>: the record's, UTC with seven fractional digits.</summary>
    public const string RecordedAtFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>An entry read from the store: its event is checked to be JSON before it is written as JSON.</summary>
    public static EntryResponse From(ChainEntry entry) => Of(entry, new RawJson(entry?.EventJson ?? default));

    /// <summary>
    /// An entry this process has just sealed: its event is the canonical JSON the server wrote from the posted event,
    /// so it is written as it is.
    /// </summary>
    public static EntryResponse FromSealed(ChainEntry entry) => Of(entry, RawJson.Known(entry?.EventJson ?? default));

    private static EntryResponse Of(ChainEntry entry, RawJson eventJson)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new EntryResponse(
            entry.Sequence,
            entry.ShipmentId,
            entry.EventId,
            eventJson,
            new EntryAuthorResponse(entry.AuthorPartyId, entry.AuthorKid),
            entry.AuthorSignature,
            entry.PreviousHash,
            entry.RecordedAt.UtcDateTime.ToString(RecordedAtFormat, System.Globalization.CultureInfo.InvariantCulture),
            entry.PlatformKid,
            entry.IsPlatformSigned ? entry.PlatformSignature : null,
            entry.EntryHash);
    }
}
