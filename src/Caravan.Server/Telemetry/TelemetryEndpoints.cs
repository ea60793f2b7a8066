using System.Globalization;
using System.Security.Claims;
using Caravan.Core.Telemetry;
using Caravan.Server.Access;
using Caravan.Server.Errors;
using Caravan.Server.Hosting;
using Caravan.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace Caravan.Server.Telemetry;

/// <summary>
/// Telemetry over HTTP: <c>POST /api/telemetry</c> (JSON, one reading or a batch) and the OsmAnd/Traccar protocol
/// <c>GET|POST /api/osmand</c>, both authenticated by a device token (never a party token) and answered only after
/// the readings are durable; and <c>GET /api/devices/{id}/track</c> for the device's owner.
/// </summary>
public static class TelemetryEndpoints
{
    /// <summary>Readings a track answers when no limit is given.</summary>
    public const int DefaultTrackLimit = 10_000;

    /// <summary>The most readings a track answers.</summary>
    public const int MaxTrackLimit = 100_000;

    private const string TokenParameter = "token";

    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder app)
    {
        var telemetry = app.MapGroup("/api").WithTags("Telemetry").AllowAnonymous().WithMetadata(DeviceTokenEndpoint.Instance);
        telemetry.MapPost("/telemetry", PostAsync).WithMetadata(BodyLimit.Of(TelemetryJson.MaxPayloadBytes)).WithName("PostTelemetry").WithSummary("Readings from a device, authenticated by its device token.");
        telemetry.MapMethods("/osmand", ["GET", "POST"], OsmAndAsync).WithName("OsmAnd").WithSummary("One reading in the OsmAnd/Traccar protocol.");
        app.MapGet("/api/devices/{id}/track", TrackAsync).WithTags("Telemetry").RequireAuthorization(AccessPolicies.Party)
            .WithName("DeviceTrack").WithSummary("The device's readings in time order.");
        return app;
    }

    internal static async Task<IResult> PostAsync(
        HttpContext context, IDeviceStore devices, IAccessTokenStore tokens, TelemetryIntake intake, ILogger<TelemetryResponse> logger, CancellationToken cancellationToken)
    {
        var (device, refusal) = await AuthenticateAsync(context, BearerToken(context.Request), devices, tokens, logger, cancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            return refusal!;
        }

        // The body limit (TelemetryJson.MaxPayloadBytes) is the middleware's: a larger payload never gets here.
        using var body = await RequestBody.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);

        var parsed = intake.ParseJson(device.Id, body.Memory.Span, out var rejected);
        if (parsed.Readings.Count == 0)
        {
            var errors = new FieldErrors();
            foreach (var problem in parsed.Problems)
            {
                errors.Add(problem.Field, problem.Message);
            }

            return errors.ToProblem("No reading was valid; nothing was stored.");
        }

        ReadingAppendResult result;
        try
        {
            result = await intake.StoreAsync(device.Id, parsed.Readings, rejected, cancellationToken).ConfigureAwait(false);
        }
        catch (IngestionUnavailableException e)
        {
            return Unavailable(context, e);
        }

        return TypedResults.Json(new TelemetryResponse(result.Stored, result.Duplicates, rejected, parsed.Problems), statusCode: StatusCodes.Status202Accepted);
    }

    internal static async Task<IResult> OsmAndAsync(
        HttpContext context, IDeviceStore devices, IAccessTokenStore tokens, TelemetryIntake intake, ILogger<TelemetryResponse> logger, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false) : null;
        var token = BearerToken(request)
            ?? (request.Query.TryGetValue(TokenParameter, out var query) ? query.ToString() : null)
            ?? (form is not null && form.TryGetValue(TokenParameter, out var field) ? field.ToString() : null);
        var (device, refusal) = await AuthenticateAsync(context, token, devices, tokens, logger, cancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            return refusal!;
        }

        var parameters = request.Query.Concat(form ?? Enumerable.Empty<KeyValuePair<string, StringValues>>())
            .Where(p => p.Key != TokenParameter)
            .Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()))
            .ToList();

        var claimed = parameters.Where(p => p.Key is "id" or "deviceid").Select(p => p.Value).FirstOrDefault();
        if (claimed is not null && DeviceId.TryParse(claimed, out var claimedId) && claimedId != device.Id)
        {
            intake.Refuse(device.Id.Value, "id", "device", $"The token is device {device.Id}'s, not '{claimed}'s.");
            return Problem(StatusCodes.Status403Forbidden, $"id: the token belongs to device '{device.Id}', not '{claimed}'.");
        }

        var validation = OsmAndQuery.Parse(parameters, intake.Validator);
        if (validation.Reading is not { } reading)
        {
            intake.Reject(device.Id, validation.Problems);
            var errors = new FieldErrors();
            foreach (var problem in validation.Problems)
            {
                errors.Add(problem.Field, problem.Message);
            }

            return errors.ToProblem("The reading is invalid; nothing was stored.");
        }

        try
        {
            await intake.StoreAsync(device.Id, [reading], 0, cancellationToken).ConfigureAwait(false);
        }
        catch (IngestionUnavailableException e)
        {
            return Unavailable(context, e);
        }

        return TypedResults.Ok();
    }

    internal static async Task<Results<Ok<TrackResponse>, ValidationProblem, ProblemHttpResult>> TrackAsync(
        string id, string? from, string? to, string? limit, ClaimsPrincipal user, IDeviceStore devices, IReadingStore readings, CancellationToken cancellationToken)
    {
        var owner = Caller.From(user).RequiredParty;
        var device = DeviceId.TryParse(id, out var deviceId) ? await devices.FindAsync(deviceId, cancellationToken).ConfigureAwait(false) : null;
        if (device is null || device.Owner != owner)
        {
            return Problem(StatusCodes.Status404NotFound, $"There is no device '{id}' owned by the caller.");
        }

        var errors = new FieldErrors();
        var start = Time(from, "from", errors);
        var end = Time(to, "to", errors);
        var count = DefaultTrackLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxTrackLimit))
        {
            errors.Add("limit", $"Expected a whole number from 1 to {MaxTrackLimit}.");
        }

        if (start is { } s && end is { } e && e < s)
        {
            errors.Add("to", "The end is before the start.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The track query is invalid.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var track = await readings.TrackAsync(device.Id, start, end, count + 1, cancellationToken).ConfigureAwait(false);
        var shown = track.Take(count).Select(ReadingResponse.Of).ToList();
        return TypedResults.Ok(new TrackResponse(device.Id.Value, shown.Count, track.Count > count, shown));
    }

    private static DateTimeOffset? Time(string? text, string name, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors.Add(name, "Expected an ISO 8601 date and time, e.g. 2026-03-01T10:15:00Z (UTC when no offset is given).");
        return null;
    }

    private static async Task<(DeviceInfo? Device, IResult? Refusal)> AuthenticateAsync(
        HttpContext context, string? token, IDeviceStore devices, IAccessTokenStore tokens, ILogger logger, CancellationToken cancellationToken)
    {
        string reason;
        if (string.IsNullOrWhiteSpace(token))
        {
            reason = "Telemetry needs the device's token: send 'Authorization: Bearer DEVICE_TOKEN'.";
        }
        else
        {
            var device = await devices.FindByTokenAsync(token, cancellationToken).ConfigureAwait(false);
            if (device is not null)
            {
                return (device, null);
            }

            reason = await tokens.FindAsync(token, cancellationToken).ConfigureAwait(false) is not null
                ? "A party token cannot post telemetry: use the device's own token, answered when the device was registered."
                : "The token is not a device token known to this server.";
        }

        Log.DeviceTokenRefused(logger, reason);
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"caravan-devices\"";
        return (null, Problem(StatusCodes.Status401Unauthorized, reason));
    }

    private static string? BearerToken(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    private static ProblemHttpResult Unavailable(HttpContext context, IngestionUnavailableException e)
    {
        context.Response.Headers.RetryAfter = "5";
        return Problem(StatusCodes.Status503ServiceUnavailable, $"{e.Message} Nothing was stored.");
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: ProblemDetailsDefaults.TitleOf(status));
}
