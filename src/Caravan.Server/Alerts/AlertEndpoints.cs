using System.Globalization;
using System.Security.Claims;
using Caravan.Core.Alerts;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Caravan.Server.Access;
using Caravan.Server.Errors;
using Caravan.Server.Json;
using Caravan.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Alerts;

/// <summary>
/// Alerts of the caller's shipments: <c>GET /api/alerts</c> (filters <c>state</c>, <c>shipment</c>, <c>kind</c>,
/// paging by <c>limit</c> and <c>before</c>), <c>GET /api/alerts/{id}</c>, <c>POST /api/alerts/{id}/acknowledge</c>;
/// and a device's silence timeout for its owner: <c>GET|PUT /api/devices/{id}/silence-timeout</c>. An alert of a
/// shipment the caller holds no role in is 404, as if it did not exist.
/// </summary>
public static class AlertEndpoints
{
    /// <summary>Alerts a list answers when no limit is given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The most alerts a list answers.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The longest silence timeout a device may have: 30 days, in minutes.</summary>
    public const int MaxSilenceMinutes = 30 * 24 * 60;

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").WithTags("Alerts").RequireAuthorization(AccessPolicies.Party);
        alerts.MapGet("/", ListAsync).WithName("ListAlerts").WithSummary("Alerts of the caller's shipments, newest first.");
        alerts.MapGet("/{id}", GetAsync).WithName("GetAlert").WithSummary("One alert of a shipment the caller holds a role in.");
        alerts.MapPost("/{id}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeAlert").WithSummary("Acknowledge an alert; the first acknowledgement stands.");
        var devices = app.MapGroup("/api/devices/{id}/silence-timeout").WithTags("Alerts").RequireAuthorization(AccessPolicies.Party);
        devices.MapGet("/", GetSilenceTimeoutAsync).WithName("GetSilenceTimeout").WithSummary("The device's silence timeout.");
        devices.MapPut("/", SetSilenceTimeoutAsync).WithName("SetSilenceTimeout").WithSummary("Set the device's own silence timeout, or null for the default.");
        return app;
    }

    internal static async Task<Results<Ok<List<AlertResponse>>, ValidationProblem>> ListAsync(
        string? state, string? shipment, string? kind, string? limit, string? before, ClaimsPrincipal user, IAlertStore alerts, CancellationToken cancellationToken)
    {
        var party = Caller.From(user).RequiredParty;
        var errors = new FieldErrors();
        AlertState? stateFilter = null;
        if (state is not null)
        {
            stateFilter = EnumText.TryParse<AlertState>(state, out var s) ? s : Fail<AlertState>(errors, "state", $"'{state}' is not an alert state ({EnumText.All<AlertState>()}).");
        }

        AlertKind? kindFilter = null;
        if (kind is not null)
        {
            kindFilter = EnumText.TryParse<AlertKind>(kind, out var k) ? k : Fail<AlertKind>(errors, "kind", $"'{kind}' is not an alert kind ({EnumText.All<AlertKind>()}).");
        }

        ShipmentId? shipmentFilter = null;
        if (shipment is not null)
        {
            shipmentFilter = ShipmentId.TryParse(shipment, out var id) ? id : Fail<ShipmentId>(errors, "shipment", $"'{shipment}' is not a shipment id (1–35 of A–Z, 0–9 and '-').");
        }

        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"Expected a whole number from 1 to {MaxLimit}.");
        }

        long? beforeId = null;
        if (before is not null)
        {
            beforeId = long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b > 0 ? b : Fail<long>(errors, "before", "Expected an alert id (a whole number above 0).");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The alert query is invalid.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var list = await alerts.ListAsync(new AlertQuery(party, stateFilter, shipmentFilter, kindFilter, beforeId, count), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(AlertResponse.From).ToList());
    }

    internal static async Task<Results<Ok<AlertResponse>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, IAlertStore alerts, IShipmentStore shipments, CancellationToken cancellationToken)
    {
        var alert = await VisibleAsync(id, Caller.From(user).RequiredParty, alerts, shipments, cancellationToken).ConfigureAwait(false);
        return alert is null ? NotFound(id) : TypedResults.Ok(AlertResponse.From(alert));
    }

    internal static async Task<Results<Ok<AlertResponse>, ProblemHttpResult>> AcknowledgeAsync(
        string id, ClaimsPrincipal user, IAlertStore alerts, IShipmentStore shipments, AlertRaiser raiser, CancellationToken cancellationToken)
    {
        var party = Caller.From(user).RequiredParty;
        var alert = await VisibleAsync(id, party, alerts, shipments, cancellationToken).ConfigureAwait(false);
        if (alert is null)
        {
            return NotFound(id);
        }

        var (outcome, acknowledged) = await raiser.AcknowledgeAsync(alert.Id, party, cancellationToken).ConfigureAwait(false);
        return outcome == AcknowledgeOutcome.NotFound ? NotFound(id) : TypedResults.Ok(AlertResponse.From(acknowledged!));
    }

    internal static async Task<Results<Ok<SilenceTimeoutResponse>, ProblemHttpResult>> GetSilenceTimeoutAsync(
        string id, ClaimsPrincipal user, IDeviceStore devices, IAlertStore alerts, IOptions<AlertOptions> options, CancellationToken cancellationToken)
    {
        if (await OwnedDeviceAsync(id, user, devices, cancellationToken).ConfigureAwait(false) is not { } device)
        {
            return DeviceNotFound(id);
        }

        var own = await alerts.FindSilenceTimeoutAsync(device, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new SilenceTimeoutResponse(device.Value, (own ?? options.Value.DefaultSilenceTimeout).TotalMinutes, own is null));
    }

    internal static async Task<Results<Ok<SilenceTimeoutResponse>, ValidationProblem, ProblemHttpResult>> SetSilenceTimeoutAsync(
        string id, SilenceTimeoutBody body, ClaimsPrincipal user, IDeviceStore devices, IAlertStore alerts, IOptions<AlertOptions> options, CancellationToken cancellationToken)
    {
        if (await OwnedDeviceAsync(id, user, devices, cancellationToken).ConfigureAwait(false) is not { } device)
        {
            return DeviceNotFound(id);
        }

        if (body.Minutes is < 1 or > MaxSilenceMinutes)
        {
            var errors = new FieldErrors();
            errors.Add("$.minutes", $"Expected a whole number of minutes from 1 to {MaxSilenceMinutes}, or null for the default.");
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The silence timeout is invalid; nothing was changed.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var timeout = body.Minutes is { } minutes ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
        await alerts.SetSilenceTimeoutAsync(device, timeout, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new SilenceTimeoutResponse(device.Value, (timeout ?? options.Value.DefaultSilenceTimeout).TotalMinutes, timeout is null));
    }

    private static async Task<StoredAlert?> VisibleAsync(string id, PartyId party, IAlertStore alerts, IShipmentStore shipments, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || await alerts.FindAsync(number, cancellationToken).ConfigureAwait(false) is not { } alert)
        {
            return null;
        }

        return (await shipments.RolesAsync(alert.Shipment, party, cancellationToken).ConfigureAwait(false)).Count > 0 ? alert : null;
    }

    private static async Task<DeviceId?> OwnedDeviceAsync(string id, ClaimsPrincipal user, IDeviceStore devices, CancellationToken cancellationToken)
    {
        var owner = Caller.From(user).RequiredParty;
        var device = DeviceId.TryParse(id, out var deviceId) ? await devices.FindAsync(deviceId, cancellationToken).ConfigureAwait(false) : null;
        return device is not null && device.Owner == owner ? device.Id : null;
    }

    private static T? Fail<T>(FieldErrors errors, string name, string message)
        where T : struct
    {
        errors.Add(name, message);
        return null;
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"There is no alert '{id}' of a shipment you hold a role in.", statusCode: StatusCodes.Status404NotFound, title: ProblemDetailsDefaults.TitleOf(404));

    private static ProblemHttpResult DeviceNotFound(string id) =>
        TypedResults.Problem($"There is no device '{id}' owned by the caller.", statusCode: StatusCodes.Status404NotFound, title: ProblemDetailsDefaults.TitleOf(404));
}
