namespace Caravan.Server.Events;

/// <summary>The body of <c>POST /api/shipments/{id}/events/batch</c>, for the OpenAPI document.</summary>
public sealed record EventBatchBody(IReadOnlyList<EventEnvelopeBody> Events);
