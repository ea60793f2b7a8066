using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Caravan.Server.Access;
using Caravan.Server.Errors;
using Caravan.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Webhooks;

/// <summary>
/// A party's webhooks: <c>POST /api/webhooks</c> (answers the signing secret, once), <c>GET /api/webhooks</c>,
/// <c>DELETE /api/webhooks/{id}</c> and <c>GET /api/webhooks/{id}/deliveries</c>. Notifications about every shipment
/// the party holds a role in are posted to each of its webhooks. Another party's webhook is 404. A URL whose host is or
/// resolves to an address that is not public is refused (<see cref="WebhookAddresses"/>) unless the operator allows it.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>The shortest secret a party may choose.</summary>
    public const int MinSecretLength = 16;

    /// <summary>The longest secret a party may choose.</summary>
    public const int MaxSecretLength = 256;

    /// <summary>The longest URL accepted.</summary>
    public const int MaxUrlLength = 2000;

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(AccessPolicies.Party);
        group.MapPost("/", RegisterAsync).WithName("RegisterWebhook").WithSummary("Register a webhook; its secret is shown in this answer only.");
        group.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("The caller's webhooks, oldest first.");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Delete a webhook and its pending deliveries.");
        group.MapGet("/{id}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries").WithSummary("The latest deliveries to a webhook, newest first.");
        return app;
    }

    internal static async Task<Results<Created<WebhookResponse>, ValidationProblem>> RegisterAsync(
        WebhookBody body,
        ClaimsPrincipal user,
        IWebhookStore webhooks,
        IOptions<WebhookOptions> options,
        TimeProvider clock,
        ILogger<WebhookBody> logger,
        CancellationToken cancellationToken)
    {
        var party = Caller.From(user).RequiredParty;
        var errors = new FieldErrors();
        Uri? url = null;
        if (string.IsNullOrWhiteSpace(body.Url))
        {
            errors.Missing("$.url");
        }
        else if (body.Url.Length > MaxUrlLength || !Uri.TryCreate(body.Url.Trim(), UriKind.Absolute, out url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(url.UserInfo))
        {
            errors.Add("$.url", $"Expected an absolute http or https URL without credentials, at most {MaxUrlLength} characters.");
        }
        else if (!options.Value.AllowPrivateAddresses && await WebhookAddresses.RefusalAsync(url, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            errors.Add("$.url", refusal);
        }

        if (body.Secret is { } chosen && (chosen.Length is < MinSecretLength or > MaxSecretLength || chosen.Any(char.IsWhiteSpace)))
        {
            errors.Add("$.secret", $"A secret is {MinSecretLength}–{MaxSecretLength} characters without spaces; leave it out to have one generated.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The webhook is invalid; nothing was stored.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var secret = body.Secret ?? "whsec_" + AccessTokens.Generate();
        var webhook = new WebhookInfo("wh-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), party, url!, clock.GetUtcNow());
        await webhooks.RegisterAsync(webhook, secret, cancellationToken).ConfigureAwait(false);
        Log.WebhookRegistered(logger, party.Value, webhook.Id);
        return TypedResults.Created($"/api/webhooks/{webhook.Id}", WebhookResponse.From(webhook, secret));
    }

    internal static async Task<Ok<List<WebhookResponse>>> ListAsync(ClaimsPrincipal user, IWebhookStore webhooks, CancellationToken cancellationToken)
    {
        var list = await webhooks.ListAsync(Caller.From(user).RequiredParty, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(w => WebhookResponse.From(w)).ToList());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, ClaimsPrincipal user, IWebhookStore webhooks, CancellationToken cancellationToken) =>
        await webhooks.DeleteAsync(Caller.From(user).RequiredParty, id, cancellationToken).ConfigureAwait(false) ? TypedResults.NoContent() : NotFound(id);

    internal static async Task<Results<Ok<List<DeliveryResponse>>, ValidationProblem, ProblemHttpResult>> DeliveriesAsync(
        string id, string? limit, ClaimsPrincipal user, IWebhookStore webhooks, CancellationToken cancellationToken)
    {
        var count = 100;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > 1000))
        {
            var errors = new FieldErrors();
            errors.Add("limit", "Expected a whole number from 1 to 1000.");
            return TypedResults.ValidationProblem(errors.ToDictionary(), "The query is invalid.", title: ProblemDetailsDefaults.TitleOf(400));
        }

        var list = await webhooks.ListDeliveriesAsync(Caller.From(user).RequiredParty, id, count, cancellationToken).ConfigureAwait(false);
        return list is null ? NotFound(id) : TypedResults.Ok(list.Select(DeliveryResponse.From).ToList());
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"You have no webhook '{id}'.", statusCode: StatusCodes.Status404NotFound, title: ProblemDetailsDefaults.TitleOf(404));
}
