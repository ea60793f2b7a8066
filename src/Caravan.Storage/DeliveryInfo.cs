namespace Caravan.Storage;

/// <summary>
/// A webhook delivery as its party sees it: the notification, how many attempts were made, the next one (null when
/// done), when it was delivered or given up, and the last answer (HTTP status) or error.
/// </summary>
public sealed record DeliveryInfo(
    long Id,
    string WebhookId,
    string Event,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? FailedAt,
    int? LastStatus,
    string? LastError);
