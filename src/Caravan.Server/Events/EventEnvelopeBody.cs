using System.Text.Json;

namespace Caravan.Server.Events;

/// <summary>The body of <c>POST /api/shipments/{id}/events</c>, for the OpenAPI document: the event and the author's detached JWS over its canonical JSON.</summary>
public sealed record EventEnvelopeBody(JsonElement Event, string Signature);
