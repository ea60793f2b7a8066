using Caravan.Storage;

namespace Caravan.Server.Webhooks;

/// <summary>A delivery to a webhook: <c>state</c> is <c>pending</c>, <c>delivered</c> or <c>failed</c> (given up).</summary>
public sealed record DeliveryResponse(
    long Id,
    string Event,
    string State,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? FailedAt,
    int? LastStatus,
    string? LastError)
{
    public static DeliveryResponse From(DeliveryInfo d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var state = d.DeliveredAt is not null ? "delivered" : d.FailedAt is not null ? "failed" : "pending";
        return new(d.Id, d.Event, state, d.CreatedAt, d.Attempts, d.NextAttemptAt, d.DeliveredAt, d.FailedAt, d.LastStatus, d.LastError);
    }
}
