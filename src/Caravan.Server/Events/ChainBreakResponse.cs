using System.Text.Json.Serialization;

namespace Caravan.Server.Events;

/// <summary>The first entry that does not verify: its sequence, its event id (null when the entry is missing) and why.</summary>
public sealed record ChainBreakResponse(long Sequence, [property: JsonPropertyName("eventID")] Guid? EventId, string Reason);
