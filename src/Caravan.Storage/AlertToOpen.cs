using Caravan.Core.Alerts;
using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>An alert a rule opens: shipment, kind, subject (device id, terminal LOCODE, or empty), since when, and why.</summary>
public sealed record AlertToOpen(ShipmentId Shipment, AlertKind Kind, string Subject, DateTimeOffset OpenedAt, string Detail);
