using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>
/// Parties' webhooks and the durable outbox of deliveries to them. A delivery stays in the outbox until it is
/// delivered or given up, so a restart resumes what was pending.
/// </summary>
public interface IWebhookStore
{
    Task RegisterAsync(WebhookInfo webhook, string secret, CancellationToken cancellationToken);

    /// <summary>The party's webhooks, oldest first.</summary>
    Task<IReadOnlyList<WebhookInfo>> ListAsync(PartyId party, CancellationToken cancellationToken);

    /// <summary>Deletes the party's webhook with its pending deliveries; false when the party has no such webhook.</summary>
    Task<bool> DeleteAsync(PartyId party, string id, CancellationToken cancellationToken);

    /// <summary>Queues <paramref name="body"/> for every webhook of every party holding a role on <paramref name="shipment"/>; answers how many.</summary>
    Task<int> EnqueueAsync(ShipmentId shipment, string eventName, byte[] body, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deliveries due at <paramref name="now"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DueDelivery>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>When the next pending delivery is due; null when none is pending.</summary>
    Task<DateTimeOffset?> NextAttemptAtAsync(CancellationToken cancellationToken);

    /// <summary>Records an attempt: delivered (<paramref name="delivered"/>), retried at <paramref name="retryAt"/>, or given up (neither).</summary>
    Task RecordAttemptAsync(long id, DateTimeOffset at, bool delivered, int? status, string? error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>The latest deliveries to the party's webhook, newest first; null when the party has no such webhook.</summary>
    Task<IReadOnlyList<DeliveryInfo>?> ListDeliveriesAsync(PartyId party, string webhookId, int limit, CancellationToken cancellationToken);
}
