using Caravan.Core.Alerts;
using Caravan.Core.Shipments;
using Caravan.Server.Live;
using Caravan.Server.Webhooks;
using Caravan.Storage;

namespace Caravan.Server.Alerts;

/// <summary>
/// The one way alerts open, resolve and are acknowledged. Each change is stored together with its webhook deliveries
/// (the outbox), then published to the live feed and the webhook dispatcher is woken. The telemetry rules
/// (<see cref="AlertMonitor"/>) call it, and so does anything else that judges a shipment: the progress engine opens
/// <see cref="AlertKind.DwellBeyondP90"/> (subject: the terminal's LOCODE) and <see cref="AlertKind.EtaSlipping"/>
/// (subject: empty) here and resolves them here when the condition ends. Opening what is already open, or resolving
/// what is not, changes nothing and answers null, so callers need not remember what they raised.
/// </summary>
public sealed class AlertRaiser(IAlertStore alerts, LiveHub live, WebhookDispatcher webhooks, TimeProvider clock, ILogger<AlertRaiser> logger)
{
    /// <summary>Opens an alert of <paramref name="kind"/> about <paramref name="subject"/> of <paramref name="shipment"/>, dated <paramref name="since"/>; null when one is open.</summary>
    public async Task<StoredAlert?> OpenAsync(
        ShipmentId shipment, AlertKind kind, string subject, DateTimeOffset since, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        var body = default(byte[]);
        var opened = await alerts.OpenAsync(new AlertToOpen(shipment, kind, subject, since, detail), Capture(b => body = b), cancellationToken).ConfigureAwait(false);
        if (opened is not null)
        {
            Log.AlertOpened(logger, opened.Id, EnumTextOf(kind), shipment.Value, subject, detail);
            Announce(opened, body!);
        }

        return opened;
    }

    /// <summary>Resolves the open alert of <paramref name="kind"/> about <paramref name="subject"/>, dated <paramref name="at"/>; null when none is open.</summary>
    public async Task<StoredAlert?> ResolveAsync(
        ShipmentId shipment, AlertKind kind, string subject, DateTimeOffset at, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(detail);
        var body = default(byte[]);
        var resolved = await alerts.ResolveAsync(shipment, kind, subject, at, detail, Capture(b => body = b), cancellationToken).ConfigureAwait(false);
        if (resolved is not null)
        {
            Log.AlertResolved(logger, resolved.Id, EnumTextOf(kind), shipment.Value, subject);
            Announce(resolved, body!);
        }

        return resolved;
    }

    /// <summary>Acknowledges alert <paramref name="id"/> for <paramref name="by"/> now; the first acknowledgement stands.</summary>
    public async Task<(AcknowledgeOutcome Outcome, StoredAlert? Alert)> AcknowledgeAsync(long id, PartyId by, CancellationToken cancellationToken)
    {
        var body = default(byte[]);
        var result = await alerts.AcknowledgeAsync(id, by, clock.GetUtcNow(), Capture(b => body = b), cancellationToken).ConfigureAwait(false);
        if (result.Outcome == AcknowledgeOutcome.Acknowledged)
        {
            Log.AlertAcknowledged(logger, id, by.Value);
            Announce(result.Alert!, body!);
        }

        return result;
    }

    private static AlertPayload Capture(Action<byte[]> keep) => (alert, eventName) =>
    {
        var body = new AlertNotification(eventName, AlertResponse.From(alert)).ToUtf8();
        keep(body);
        return body;
    };

    private void Announce(StoredAlert alert, byte[] body)
    {
        live.Publish(new LiveMessage(LiveMessage.Alert, alert.Shipment, body));
        webhooks.Wake();
    }

    private static string EnumTextOf(AlertKind kind) => Json.EnumText.Of(kind);
}
