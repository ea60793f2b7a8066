using System.Text.Json.Serialization;

namespace Caravan.Server.Events;

/// <summary>Who signed an entry's event: the party and its key id.</summary>
public sealed record EntryAuthorResponse([property: JsonPropertyName("partyID")] string PartyId, string Kid);
