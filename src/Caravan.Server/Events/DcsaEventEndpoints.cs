using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
using Caravan.Server.Access;
using Caravan.Server.Errors;
using Caravan.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Server.Events;

/// <summary>
/// <c>GET /v2/events</c>, DCSA Track &amp; Trace v2.2: the events of every shipment the caller holds a role in, as DCSA
/// event objects (with Caravan's <c>shipmentID</c>), filtered and paged by cursor. Pages follow the global append
/// order, so paging returns every event exactly once even while events are appended.
/// </summary>
public static class DcsaEventEndpoints
{
    /// <summary>The DCSA Track &amp; Trace version this endpoint answers as.</summary>
    public const string ApiVersion = "2.2.0";

    public static RouteHandlerBuilder MapDcsaEventEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/v2/events", GetAsync).RequireAuthorization(AccessPolicies.Party).WithTags("DCSA Track & Trace")
            .Produces<List<JsonElement>>(StatusCodes.Status200OK, "application/json")
            .WithName("DcsaEvents")
            .WithSummary("DCSA T&T v2.2 events of the caller's shipments; filters, limit and cursor; Next-Page header while more remain.");

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> GetAsync(
        HttpContext context, ClaimsPrincipal user, IEventStore events, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (query, limit, cursor, filters) = EventQueryReader.Read(context.Request.Query, errors);
        long after = 0;
        if (cursor is not null && !EventCursor.TryRead(cursor, filters, out after, out var cursorError))
        {
            errors.Add("cursor", cursorError!);
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The query is invalid.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var page = await events.QueryAsync(Caller.From(user).RequiredParty, query, after, limit, cancellationToken).ConfigureAwait(false);
        var headers = context.Response.Headers;
        headers["API-Version"] = ApiVersion;
        headers["Current-Page"] = EventCursor.Write(after, filters);
        if (page.More)
        {
            headers["Next-Page"] = EventCursor.Write(page.LastPosition, filters);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var json in page.Events)
            {
                RawJson.Write(writer, json.Span);
            }

            writer.WriteEndArray();
        }

        return TypedResults.File(buffer.WrittenMemory.ToArray(), "application/json");
    }
}
