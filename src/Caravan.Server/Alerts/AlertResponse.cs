using Caravan.Server.Json;
using Caravan.Storage;

namespace Caravan.Server.Alerts;

/// <summary>
/// An alert as the API, the live feed and webhooks show it: <c>kind</c> and <c>state</c> in camelCase, <c>subject</c>
/// the device id (telemetry rules), the terminal LOCODE (dwell) or empty (the shipment as a whole).
/// </summary>
public sealed record AlertResponse(
    long Id,
    string Shipment,
    string Kind,
    string Subject,
    string State,
    DateTimeOffset OpenedAt,
    string Detail,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    string? ResolveDetail)
{
    public static AlertResponse From(StoredAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertResponse(
            alert.Id,
            alert.Shipment.Value,
            EnumText.Of(alert.Kind),
            alert.Subject,
            EnumText.Of(alert.State),
            alert.OpenedAt,
            alert.Detail,
            alert.AcknowledgedAt,
            alert.AcknowledgedBy?.Value,
            alert.ResolvedAt,
            alert.ResolveDetail);
    }
}
