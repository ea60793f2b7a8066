using System.Security.Claims;
using Caravan.Core.Geography;
using Caravan.Core.Shipments;
using Caravan.Server.Access;
using Caravan.Server.Errors;
using Caravan.Server.Json;
using Caravan.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Server.Parties;

/// <summary>
/// Parties and their tokens, managed by the operator with the admin token:
/// <c>POST /api/parties</c>, <c>GET /api/parties</c>, <c>GET /api/parties/{id}</c>,
/// <c>POST /api/parties/{id}/tokens</c>, <c>GET /api/parties/{id}/tokens</c>, <c>DELETE /api/tokens/{tokenId}</c>;
/// and <c>GET /api/me</c>, for any token, saying whom it acts for.
/// </summary>
public static class PartyEndpoints
{
    private const int MaxNameLength = 200;
    private const int MaxLabelLength = 200;

    public static RouteGroupBuilder MapPartyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Parties and tokens");
        group.MapPost("/parties", CreateAsync).RequireAuthorization(AccessPolicies.Admin)
            .WithName("CreateParty").WithSummary("Register a party (admin).");
        group.MapGet("/parties", ListAsync).RequireAuthorization(AccessPolicies.Admin)
            .WithName("ListParties").WithSummary("Every party (admin).");
        group.MapGet("/parties/{id}", GetAsync).RequireAuthorization(AccessPolicies.Admin)
            .WithName("GetParty").WithSummary("One party (admin).");
        group.MapPost("/parties/{id}/tokens", IssueTokenAsync).RequireAuthorization(AccessPolicies.Admin)
            .WithName("IssueToken").WithSummary("Issue a bearer token for a party; its text is shown in this answer only (admin).");
        group.MapGet("/parties/{id}/tokens", ListTokensAsync).RequireAuthorization(AccessPolicies.Admin)
            .WithName("ListTokens").WithSummary("A party's tokens, without their text (admin).");
        group.MapDelete("/tokens/{tokenId}", RevokeTokenAsync).RequireAuthorization(AccessPolicies.Admin)
            .WithName("RevokeToken").WithSummary("Revoke a token; it is refused from then on (admin).");
        group.MapGet("/me", MeAsync).RequireAuthorization(AccessPolicies.Any)
            .WithName("Me").WithSummary("Whom the presented token acts for.");
        return group;
    }

    internal static async Task<Results<Created<PartyResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        PartyBody body, IPartyStore parties, TimeProvider clock, ILogger<PartyBody> logger, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        PartyId id = default;
        CountryCode country = default;
        PartyKind kind = default;
        _ = body.Id is null ? errors.Missing("$.id") : PartyId.TryParse(body.Id, out id)
            || Fail(errors, "$.id", $"'{body.Id}' is not a party id: 2–64 of a–z, 0–9 and '-', not starting or ending with '-'.");
        _ = string.IsNullOrWhiteSpace(body.Name) ? errors.Missing("$.name") : body.Name.Length <= MaxNameLength
            || Fail(errors, "$.name", $"The name is longer than {MaxNameLength} characters.");
        _ = body.Country is null ? errors.Missing("$.country") : CountryCode.TryParse(body.Country, out country)
            || Fail(errors, "$.country", $"'{body.Country}' is not an ISO 3166-1 alpha-2 country code.");
        _ = body.Kind is null ? errors.Missing("$.kind") : EnumText.TryParse(body.Kind, out kind)
            || Fail(errors, "$.kind", $"'{body.Kind}' is not a party kind ({EnumText.All<PartyKind>()}).");
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The party has invalid fields.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var party = new Party(id, body.Name!.Trim(), country, kind);
        if (!await parties.CreateAsync(party, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem($"A party with id '{id}' already exists.", statusCode: StatusCodes.Status409Conflict, title: ProblemDetailsDefaults.TitleOf(409));
        }

        Log.PartyCreated(logger, id.Value, kind.ToString());
        return TypedResults.Created($"/api/parties/{id}", PartyResponse.From(party));
    }

    internal static async Task<Ok<List<PartyResponse>>> ListAsync(IPartyStore parties, CancellationToken cancellationToken) =>
        TypedResults.Ok((await parties.ListAsync(cancellationToken).ConfigureAwait(false)).Select(PartyResponse.From).ToList());

    internal static async Task<Results<Ok<PartyResponse>, ProblemHttpResult>> GetAsync(string id, IPartyStore parties, CancellationToken cancellationToken)
    {
        var party = await FindAsync(id, parties, cancellationToken).ConfigureAwait(false);
        return party is null ? NoParty(id) : TypedResults.Ok(PartyResponse.From(party));
    }

    internal static async Task<Results<Created<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(
        string id, TokenBody? body, IPartyStore parties, IAccessTokenStore tokens, TimeProvider clock, ILogger<TokenBody> logger, CancellationToken cancellationToken)
    {
        var party = await FindAsync(id, parties, cancellationToken).ConfigureAwait(false);
        if (party is null)
        {
            return NoParty(id);
        }

        var label = body?.Label?.Trim();
        if (label is { Length: > MaxLabelLength })
        {
            var errors = new FieldErrors();
            errors.Add("$.label", $"The label is longer than {MaxLabelLength} characters.");
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The token request has invalid fields.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var issued = await tokens.IssueAsync(party.Id, string.IsNullOrEmpty(label) ? "unlabelled" : label, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        Log.TokenIssued(logger, issued.Info.Id, party.Id.Value);
        return TypedResults.Created($"/api/parties/{party.Id}/tokens", TokenResponse.From(issued.Info, issued.Token));
    }

    internal static async Task<Results<Ok<List<TokenResponse>>, ProblemHttpResult>> ListTokensAsync(
        string id, IPartyStore parties, IAccessTokenStore tokens, CancellationToken cancellationToken)
    {
        var party = await FindAsync(id, parties, cancellationToken).ConfigureAwait(false);
        if (party is null)
        {
            return NoParty(id);
        }

        var list = await tokens.ListAsync(party.Id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(t => TokenResponse.From(t)).ToList());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(
        string tokenId, IAccessTokenStore tokens, TimeProvider clock, ILogger<TokenBody> logger, CancellationToken cancellationToken)
    {
        if (!await tokens.RevokeAsync(tokenId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem($"There is no token with id '{tokenId}'.", statusCode: StatusCodes.Status404NotFound, title: ProblemDetailsDefaults.TitleOf(404));
        }

        Log.TokenRevoked(logger, tokenId);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<CallerResponse>> MeAsync(ClaimsPrincipal user, IPartyStore parties, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var party = caller.Party is { } id ? await parties.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return TypedResults.Ok(new CallerResponse(caller.IsAdmin, party is null ? null : PartyResponse.From(party), caller.TokenId));
    }

    private static Task<Party?> FindAsync(string id, IPartyStore parties, CancellationToken cancellationToken) =>
        PartyId.TryParse(id, out var partyId) ? parties.FindAsync(partyId, cancellationToken) : Task.FromResult<Party?>(null);

    private static ProblemHttpResult NoParty(string id) =>
        TypedResults.Problem($"There is no party with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: ProblemDetailsDefaults.TitleOf(404));

    private static bool Fail(FieldErrors errors, string path, string message)
    {
        errors.Add(path, message);
        return false;
    }
}
