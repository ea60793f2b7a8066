using System.Security.Claims;
using System.Text;
using Caravan.Core.Shipments;
using Caravan.Server.Access;
using Caravan.Server.Errors;
using Caravan.Storage;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Live;

/// <summary>
/// <c>GET /api/live</c>: server-sent events of positions, chain entries and alerts of the shipments the caller holds a
/// role in, optionally narrowed to one shipment (<c>shipment=</c>) and to some event names (<c>types=position,alert</c>).
/// A comment opens the stream once the caller is subscribed, and another is sent as a heartbeat whenever
/// <see cref="LiveOptions.HeartbeatInterval"/> passes; the stream ends when the client goes or the server stops.
/// </summary>
public static class LiveEndpoints
{
    private static readonly string[] Types = [LiveMessage.Position, LiveMessage.Entry, LiveMessage.Alert];

    public static IEndpointRouteBuilder MapLiveEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/live", StreamAsync).WithTags("Live").RequireAuthorization(AccessPolicies.Party)
            .WithName("Live").WithSummary("Server-sent events: positions, chain entries and alerts of the caller's shipments.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        app.MapGet("/api/live/positions", PositionsAsync).WithTags("Live").RequireAuthorization(AccessPolicies.Party)
            .WithName("LivePositions").WithSummary("The newest position of every bound device of the caller's shipments, as the live feed last sent it.");
        return app;
    }

    internal static async Task<IResult> StreamAsync(
        HttpContext context,
        string? shipment,
        string? types,
        ClaimsPrincipal user,
        LiveHub hub,
        IShipmentStore shipments,
        IOptions<LiveOptions> options,
        IHostApplicationLifetime lifetime,
        TimeProvider clock)
    {
        var party = Caller.From(user).RequiredParty;
        var errors = new FieldErrors();
        ShipmentId? only = null;
        if (shipment is not null)
        {
            if (!ShipmentId.TryParse(shipment, out var id) || (await shipments.RolesAsync(id, party, context.RequestAborted).ConfigureAwait(false)).Count == 0)
            {
                return TypedResults.Problem(
                    $"There is no shipment '{shipment}' that you hold a role in.", statusCode: StatusCodes.Status404NotFound, title: ProblemDetailsDefaults.TitleOf(404));
            }

            only = id;
        }

        var wanted = types is null ? Types : types.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (wanted.Length == 0 || wanted.Any(t => !Types.Contains(t, StringComparer.Ordinal)))
        {
            errors.Add("types", $"'{types}' is not a list of event types ({string.Join(", ", Types)}).");
            return errors.ToProblem("The live feed query is invalid.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var messages = hub.Subscribe(stop.Token, options.Value.QueueCapacity);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var visible = new Dictionary<ShipmentId, bool>();
        var interval = options.Value.HeartbeatInterval;
        try
        {
            // Subscribed and timed before the first byte: a client that has read this comment misses nothing after it.
            await WriteAsync(response, ": caravan live feed\n\n", stop.Token).ConfigureAwait(false);
            var tick = Task.Delay(interval, clock, stop.Token);
            Task<bool>? next = null;
            while (true)
            {
                next ??= messages.WaitToReadAsync(stop.Token).AsTask();
                if (await Task.WhenAny(next, tick).ConfigureAwait(false) == tick)
                {
                    await tick.ConfigureAwait(false);
                    await WriteAsync(response, ": heartbeat\n\n", stop.Token).ConfigureAwait(false);
                    tick = Task.Delay(interval, clock, stop.Token);
                    continue;
                }

                if (!await next.ConfigureAwait(false))
                {
                    break;
                }

                next = null;

                while (messages.TryRead(out var message))
                {
                    if (!wanted.Contains(message.Event, StringComparer.Ordinal) || (only is { } s && message.Shipment != s))
                    {
                        continue;
                    }

                    // Roles on a shipment are fixed at booking, so the answer holds for the stream's life.
                    if (!visible.TryGetValue(message.Shipment, out var allowed))
                    {
                        visible[message.Shipment] = allowed = (await shipments.RolesAsync(message.Shipment, party, stop.Token).ConfigureAwait(false)).Count > 0;
                    }

                    if (allowed)
                    {
                        await WriteAsync(response, $"event: {message.Event}\ndata: {Encoding.UTF8.GetString(message.Data.Span)}\n\n", stop.Token).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away or the server is stopping: the stream simply ends.
        }
        catch (IOException)
        {
            // The connection broke under a write: the client is gone.
        }
        finally
        {
            // Ends the subscription whichever way the stream ended.
            await stop.CancelAsync().ConfigureAwait(false);
        }

        return Results.Empty;
    }

    /// <summary>
    /// <c>GET /api/live/positions</c>: <c>{"positions": [...]}</c>, the newest <c>position</c> message of every device
    /// bound to a shipment the caller holds a role in (since the server started), so a live map starts full.
    /// </summary>
    internal static async Task<IResult> PositionsAsync(ClaimsPrincipal user, LivePositions positions, IShipmentStore shipments, CancellationToken cancellationToken)
    {
        var party = Caller.From(user).RequiredParty;
        var mine = (await shipments.ListForPartyAsync(party, cancellationToken).ConfigureAwait(false)).Select(s => s.Id.Value).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(new LivePositionList([.. positions.All().Where(p => mine.Contains(p.Shipment))]));
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
