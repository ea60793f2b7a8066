using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Caravan.Server.Access;
using Caravan.Server.Errors;
using Caravan.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Retention;

/// <summary>
/// A party's retention of tracker readings, set by the operator with the admin token:
/// <c>GET /api/parties/{id}/retention</c> (the policy in force), <c>PUT /api/parties/{id}/retention</c> (the party's
/// own), <c>DELETE /api/parties/{id}/retention</c> (back to the server's default).
/// </summary>
public static class RetentionEndpoints
{
    public static RouteGroupBuilder MapRetentionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/parties/{id}/retention").WithTags("Parties and tokens").RequireAuthorization(AccessPolicies.Admin);
        group.MapGet(string.Empty, GetAsync)
            .WithName("GetRetention").WithSummary("The retention policy in force for a party's tracker readings (admin).");
        group.MapPut(string.Empty, PutAsync)
            .WithName("SetRetention").WithSummary("Set a party's own retention policy: full-rate days, downsampling interval, delete horizon (admin).");
        group.MapDelete(string.Empty, DeleteAsync)
            .WithName("ResetRetention").WithSummary("Put a party back on the server's default retention policy (admin).");
        return group;
    }

    internal static async Task<Results<Ok<RetentionResponse>, ProblemHttpResult>> GetAsync(
        string id, IPartyStore parties, IRetentionStore store, IOptions<RetentionOptions> options, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, parties, cancellationToken).ConfigureAwait(false) is not { } party)
        {
            return NoParty(id);
        }

        var own = await store.FindAsync(party, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(RetentionResponse.From(party.Value, own ?? options.Value.Default, own is null));
    }

    internal static async Task<Results<Ok<RetentionResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string id, RetentionBody body, IPartyStore parties, IRetentionStore store, TimeProvider clock, ILogger<RetentionBody> logger, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, parties, cancellationToken).ConfigureAwait(false) is not { } party)
        {
            return NoParty(id);
        }

        var errors = new FieldErrors();
        _ = body.FullRateDays is null && errors.Missing("$.fullRateDays");
        _ = body.DownsampleMinutes is null && errors.Missing("$.downsampleMinutes");
        RetentionPolicy? policy = null;
        if (!errors.Any)
        {
            policy = RetentionPolicy.TryCreate(body.FullRateDays!.Value, body.DownsampleMinutes!.Value, body.DeleteAfterDays, out var problems);
            foreach (var problem in problems)
            {
                errors.Add("$." + problem.Field, problem.Message);
            }
        }

        if (policy is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The retention policy has invalid fields.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        await store.SetAsync(party, policy, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Log.RetentionSet(logger, party.Value, policy.FullRateDays, policy.DownsampleMinutes, policy.DeleteAfterDays is { } days ? $"{days} days" : "never");
        return TypedResults.Ok(RetentionResponse.From(party.Value, policy, isDefault: false));
    }

    internal static async Task<Results<Ok<RetentionResponse>, ProblemHttpResult>> DeleteAsync(
        string id, IPartyStore parties, IRetentionStore store, IOptions<RetentionOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, parties, cancellationToken).ConfigureAwait(false) is not { } party)
        {
            return NoParty(id);
        }

        await store.SetAsync(party, null, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(RetentionResponse.From(party.Value, options.Value.Default, isDefault: true));
    }

    private static async Task<PartyId?> FindAsync(string id, IPartyStore parties, CancellationToken cancellationToken) =>
        PartyId.TryParse(id, out var party) && await parties.FindAsync(party, cancellationToken).ConfigureAwait(false) is not null ? party : null;

    private static ProblemHttpResult NoParty(string id) =>
        TypedResults.Problem($"There is no party with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: ProblemDetailsDefaults.TitleOf(404));
}
