using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Caravan.Core.Events;
using Caravan.Core.Shipments;
using Caravan.Server.Access;
using Caravan.Server.Errors;
using Caravan.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Server.Keys;

/// <summary>
/// A party's event-signing keys: <c>POST /api/parties/{partyId}/keys</c> registers a public JWK,
/// <c>GET /api/parties/{partyId}/keys</c> lists them — for the operator, or the party itself. A private key is refused:
/// it never leaves its owner; so is a key registered to another party (409): a key belongs to one party.
/// </summary>
public static class KeyEndpoints
{
    public static RouteGroupBuilder MapKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/parties/{partyId}/keys").WithTags("Keys").RequireAuthorization(AccessPolicies.Any);
        group.MapPost("/", AddAsync).Accepts<JsonElement>("application/json")
            .WithName("AddKey").WithSummary("Register an Ed25519 public key (JWK) for signing events (admin, or the party itself).");
        group.MapGet("/", ListAsync).WithName("ListKeys").WithSummary("A party's registered keys (admin, or the party itself).");
        return group;
    }

    internal static async Task<Results<Created<KeyResponse>, Ok<KeyResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        string partyId,
        HttpRequest request,
        ClaimsPrincipal user,
        IPartyStore parties,
        IPartyKeyStore keys,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await CheckAsync(partyId, user, parties, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var party = PartyId.Parse(partyId);
        using var body = new StreamReader(request.Body, Encoding.UTF8);
        var text = await body.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var errors = new FieldErrors();
        if (HasPrivatePart(text))
        {
            errors.Add("$.d", "This is a private key. Register the public key (ID.pub.jwk from 'caravan keys new'); the private key never leaves its owner.");
        }
        else if (!EventPublicKey.TryParse(text, out var key, out var error))
        {
            errors.Add("$", $"Not an Ed25519 public JWK: {error}.");
        }
        else
        {
            var added = await keys.AddAsync(party, key, null, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (added.Outcome == KeyAddOutcome.HeldByAnotherParty)
            {
                return HeldByAnotherParty(key, added.HeldBy!.Value, Caller.From(user).IsAdmin);
            }

            var info = (await keys.ListAsync(party, cancellationToken).ConfigureAwait(false)).First(k => k.Kid == key.Kid);
            return added.Outcome == KeyAddOutcome.Added
                ? TypedResults.Created($"/api/parties/{party}/keys", KeyResponse.From(info))
                : TypedResults.Ok(KeyResponse.From(info));
        }

        return TypedResults.ValidationProblem(errors.ToDictionary(), "The key was not registered.", title: ProblemDetailsDefaults.TitleOf(400));
    }

    internal static async Task<Results<Ok<List<KeyResponse>>, ProblemHttpResult>> ListAsync(
        string partyId, ClaimsPrincipal user, IPartyStore parties, IPartyKeyStore keys, CancellationToken cancellationToken)
    {
        if (await CheckAsync(partyId, user, parties, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var list = await keys.ListAsync(PartyId.Parse(partyId), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(KeyResponse.From).ToList());
    }

    private static async Task<ProblemHttpResult?> CheckAsync(string partyId, ClaimsPrincipal user, IPartyStore parties, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!PartyId.TryParse(partyId, out var party) || (caller.IsAdmin && await parties.FindAsync(party, cancellationToken).ConfigureAwait(false) is null))
        {
            return TypedResults.Problem($"There is no party with id '{partyId}'.", statusCode: StatusCodes.Status404NotFound, title: ProblemDetailsDefaults.TitleOf(404));
        }

        if (!caller.IsAdmin && caller.Party != party)
        {
            return TypedResults.Problem(
                $"A party manages its own keys only; this token acts for '{caller.Party}', not '{party}'.",
                statusCode: StatusCodes.Status403Forbidden,
                title: ProblemDetailsDefaults.TitleOf(403));
        }

        return null;
    }

    /// <summary>
    /// 409: a key belongs to one party, or a party could register another's key and be credited with its signatures.
    /// The operator is told which party holds it; a party only that another one does.
    /// </summary>
    private static ProblemHttpResult HeldByAnotherParty(EventPublicKey key, PartyId holder, bool toAdmin) =>
        TypedResults.Problem(
            toAdmin
                ? $"The key {key.Kid} is registered to party '{holder}'; a key belongs to one party only."
                : $"The key {key.Kid} is registered to another party; a key belongs to one party only. Register a key of your own ('caravan keys new').",
            statusCode: StatusCodes.Status409Conflict,
            title: ProblemDetailsDefaults.TitleOf(409));

    private static bool HasPrivatePart(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("d", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
