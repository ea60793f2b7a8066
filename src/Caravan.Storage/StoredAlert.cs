using Caravan.Core.Alerts;
using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>
/// An alert as stored: what it is about (shipment, kind, subject — a device id, a terminal LOCODE or empty), when it
/// opened and why, and, once they happen, its acknowledgement (when, by which party) and resolution (when, why).
/// </summary>
public sealed record StoredAlert(
    long Id,
    ShipmentId Shipment,
    AlertKind Kind,
    string Subject,
    DateTimeOffset OpenedAt,
    string Detail,
    DateTimeOffset? AcknowledgedAt,
    PartyId? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    string? ResolveDetail)
{
    public AlertState State => ResolvedAt is not null ? AlertState.Resolved
        : AcknowledgedAt is not null ? AlertState.Acknowledged
        : AlertState.Open;
}
