using System.Security.Claims;
using Caravan.Core.Events;
using Caravan.Core.Shipments;
using Caravan.Server.Access;
using Caravan.Server.Errors;
using Caravan.Server.Hosting;
using Caravan.Server.Shipments;
using Caravan.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Server.Events;

/// <summary>
/// A shipment's chain, for parties holding a role on it: <c>POST /api/shipments/{id}/events</c> (one signed event),
/// <c>POST /api/shipments/{id}/events/batch</c> (up to 1,000, all or nothing), <c>GET /api/shipments/{id}/events</c>,
/// <c>GET /api/shipments/{id}/events/{sequence}</c>, <c>GET /api/shipments/{id}/verify</c> (every signature and link
/// of the stored chain) and <c>GET /api/shipments/{id}/bundle</c> (the chain for <c>caravan verify</c>).
/// </summary>
public static class EventEndpoints
{
    public static RouteGroupBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/shipments/{id}").WithTags("Events").RequireAuthorization(AccessPolicies.Party);
        group.MapPost("/events", PostAsync).Accepts<EventEnvelopeBody>("application/json")
            .WithName("PostEvent").WithSummary("Append a signed event {event, signature} to the shipment's chain; 201 the entry, 200 if recorded before.");
        group.MapPost("/events/batch", PostBatchAsync).Accepts<EventBatchBody>("application/json").WithMetadata(BodyLimit.Large)
            .WithName("PostEvents").WithSummary($"Append up to {EventRecorder.MaxBatchSize} signed events in order, all or nothing.");
        group.MapGet("/events", ListAsync).WithName("ListEvents").WithSummary("The shipment's chain entries in sequence order.");
        group.MapGet("/events/{sequence:long}", GetAsync).WithName("GetEvent").WithSummary("One entry of the shipment's chain.");
        group.MapGet("/verify", VerifyAsync).WithName("VerifyChain").WithSummary("Check every signature and link of the stored chain, and its length.");
        group.MapGet("/bundle", BundleAsync).WithName("ExportBundle").WithSummary("The chain as a self-contained bundle for 'caravan verify'.");
        return group;
    }

    internal static async Task<Results<Created<EntryResponse>, Ok<EntryResponse>, ValidationProblem, ProblemHttpResult>> PostAsync(
        string id, HttpRequest request, ClaimsPrincipal user, ShipmentAccess access, EventRecorder recorder, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (await access.RolesAsync(caller, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ShipmentEndpoints.NotFound(id);
        }

        var errors = new FieldErrors();
        using var body = await RequestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (EventEnvelope.ReadOne(body.Memory, errors) is not [var envelope])
        {
            return Invalid(errors, "The envelope is not {\"event\": {…}, \"signature\": \"…\"}; nothing was recorded.");
        }

        var shipment = ShipmentId.Parse(id);
        var result = await recorder.AppendAsync(caller.RequiredParty, shipment, envelope.EventJson, envelope.Signature, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case EventAppendOutcome.Appended:
                return TypedResults.Created(EntryPath(result.Entry!), EntryResponse.FromSealed(result.Entry!));
            case EventAppendOutcome.AlreadyRecorded:
                return TypedResults.Ok(EntryResponse.From(result.Entry!));
            case EventAppendOutcome.Invalid:
                foreach (var (field, message) in result.Problems)
                {
                    errors.Add(field, message);
                }

                return Invalid(errors, "The event was not recorded.");
            default:
                return Refused(result.Outcome, id, result.Problems[0].Message);
        }
    }

    internal static async Task<Results<Created<EntriesResponse>, Ok<EntriesResponse>, ValidationProblem, ProblemHttpResult>> PostBatchAsync(
        string id,
        HttpRequest request,
        ClaimsPrincipal user,
        ShipmentAccess access,
        EventRecorder recorder,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (await access.RolesAsync(caller, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ShipmentEndpoints.NotFound(id);
        }

        var errors = new FieldErrors();
        using var body = await RequestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (EventEnvelope.ReadBatch(body.Memory, errors) is not { } envelopes)
        {
            return Invalid(errors, "The batch is not {\"events\": [envelope, …]}; nothing was recorded.");
        }

        var results = await recorder.AppendBatchAsync(caller.RequiredParty, ShipmentId.Parse(id), envelopes, cancellationToken).ConfigureAwait(false);
        if (results.All(r => r.Recorded))
        {
            var entries = new EntriesResponse(results
                .Select(r => r.Outcome == EventAppendOutcome.Appended ? EntryResponse.FromSealed(r.Entry!) : EntryResponse.From(r.Entry!))
                .ToList());
            return results.Any(r => r.Outcome == EventAppendOutcome.Appended)
                ? TypedResults.Created($"/api/shipments/{id}/events", entries)
                : TypedResults.Ok(entries);
        }

        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Outcome == EventAppendOutcome.Invalid)
            {
                foreach (var (field, message) in results[i].Problems)
                {
                    errors.Add($"$.events[{i}]{field[1..]}", message);
                }
            }
        }

        if (errors.Any)
        {
            return Invalid(errors, "Some events are invalid; none of the batch was recorded.");
        }

        var worst = results.Select(r => r.Outcome).First(o => o is not (EventAppendOutcome.Skipped or EventAppendOutcome.Appended or EventAppendOutcome.AlreadyRecorded));
        var reasons = results
            .Select((r, i) => (r, i))
            .Where(x => x.r.Outcome == worst)
            .Select(x => $"events[{x.i}]: {x.r.Problems[0].Message}");
        return Refused(worst, id, string.Join(" ", reasons) + " None of the batch was recorded.");
    }

    internal static async Task<Results<Ok<List<EntryResponse>>, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal user, ShipmentAccess access, IEventStore events, CancellationToken cancellationToken)
    {
        if (await access.RolesAsync(Caller.From(user), id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ShipmentEndpoints.NotFound(id);
        }

        var entries = await events.ListAsync(ShipmentId.Parse(id), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(entries.Select(EntryResponse.From).ToList());
    }

    internal static async Task<Results<Ok<EntryResponse>, ProblemHttpResult>> GetAsync(
        string id, long sequence, ClaimsPrincipal user, ShipmentAccess access, IEventStore events, CancellationToken cancellationToken)
    {
        if (await access.RolesAsync(Caller.From(user), id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ShipmentEndpoints.NotFound(id);
        }

        var entries = await events.ListAsync(ShipmentId.Parse(id), cancellationToken).ConfigureAwait(false);
        return entries.FirstOrDefault(e => e.Sequence == sequence) is { } entry
            ? TypedResults.Ok(EntryResponse.From(entry))
            : TypedResults.Problem($"Shipment '{id}' has no entry {sequence}.", statusCode: StatusCodes.Status404NotFound, title: ProblemDetailsDefaults.TitleOf(404));
    }

    internal static async Task<Results<Ok<VerifyResponse>, ProblemHttpResult>> VerifyAsync(
        string id, ClaimsPrincipal user, ShipmentAccess access, ChainAudit audit, CancellationToken cancellationToken)
    {
        if (await access.RolesAsync(Caller.From(user), id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ShipmentEndpoints.NotFound(id);
        }

        return TypedResults.Ok(await audit.VerifyAsync(ShipmentId.Parse(id), cancellationToken).ConfigureAwait(false));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BundleAsync(
        string id, ClaimsPrincipal user, ShipmentAccess access, ChainAudit audit, CancellationToken cancellationToken)
    {
        if (await access.RolesAsync(Caller.From(user), id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ShipmentEndpoints.NotFound(id);
        }

        var shipment = ShipmentId.Parse(id);
        var bundle = await audit.BundleAsync(shipment, cancellationToken).ConfigureAwait(false);
        return TypedResults.File(bundle.ToJson(), "application/json", $"{shipment}.bundle.json");
    }

    private static string EntryPath(ChainEntry entry) => $"/api/shipments/{entry.ShipmentId}/events/{entry.Sequence}";

    private static ValidationProblem Invalid(FieldErrors errors, string detail) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail, title: ProblemDetailsDefaults.TitleOf(400));

    private static ProblemHttpResult Refused(EventAppendOutcome outcome, string id, string detail)
    {
        var status = outcome switch
        {
            EventAppendOutcome.Forbidden => StatusCodes.Status403Forbidden,
            EventAppendOutcome.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status404NotFound,
        };
        return status == StatusCodes.Status404NotFound
            ? ShipmentEndpoints.NotFound(id)
            : TypedResults.Problem(detail, statusCode: status, title: ProblemDetailsDefaults.TitleOf(status));
    }
}
