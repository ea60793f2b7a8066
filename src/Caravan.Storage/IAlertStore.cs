using Caravan.Core.Alerts;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;

namespace Caravan.Storage;

/// <summary>
/// Alerts of shipments and the per-device silence timeouts. Every change (open, acknowledge, resolve) also writes, in
/// the same transaction, one webhook delivery per webhook of each party holding a role on the shipment (the outbox),
/// with the body <see cref="AlertPayload"/> builds.
/// </summary>
public interface IAlertStore
{
    /// <summary>Opens an alert unless one of the same shipment, kind and subject is unresolved; null then, and nothing is written.</summary>
    Task<StoredAlert?> OpenAsync(AlertToOpen alert, AlertPayload payload, CancellationToken cancellationToken);

    /// <summary>Resolves the unresolved alert of this shipment, kind and subject; null when there is none.</summary>
    Task<StoredAlert?> ResolveAsync(
        ShipmentId shipment, AlertKind kind, string subject, DateTimeOffset at, string detail, AlertPayload payload, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="by"/> acknowledged alert <paramref name="id"/>; an alert acknowledged before keeps its first acknowledgement.</summary>
    Task<(AcknowledgeOutcome Outcome, StoredAlert? Alert)> AcknowledgeAsync(long id, PartyId by, DateTimeOffset at, AlertPayload payload, CancellationToken cancellationToken);

    Task<StoredAlert?> FindAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredAlert>> ListAsync(AlertQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// How many alerts are unresolved on each shipment <paramref name="party"/> holds a role in, by state (open,
    /// acknowledged); shipments without one are absent. One query, for lists of shipments.
    /// </summary>
    Task<IReadOnlyDictionary<ShipmentId, UnresolvedAlertCounts>> CountUnresolvedAsync(PartyId party, CancellationToken cancellationToken);

    /// <summary>Every unresolved alert, so rules restarted can carry on from them.</summary>
    Task<IReadOnlyList<StoredAlert>> ListUnresolvedAsync(CancellationToken cancellationToken);

    /// <summary>Sets the device's silence timeout, or clears it (null) so the default applies.</summary>
    Task SetSilenceTimeoutAsync(DeviceId device, TimeSpan? timeout, CancellationToken cancellationToken);

    /// <summary>The device's own silence timeout; null when the default applies.</summary>
    Task<TimeSpan?> FindSilenceTimeoutAsync(DeviceId device, CancellationToken cancellationToken);

    /// <summary>Every device with a binding in force (open), with its silence timeout and the time of its newest reading.</summary>
    Task<IReadOnlyList<WatchedDevice>> ListWatchedDevicesAsync(CancellationToken cancellationToken);
}
