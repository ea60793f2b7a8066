using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Caravan.Server.Errors;
using Caravan.Server.Hosting;
using Caravan.Server.Telemetry;
using Caravan.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Access;

/// <summary>
/// Maps <c>Authorization: Bearer TOKEN</c> to the operator or a party. A missing, malformed, unknown or revoked token
/// is a 401 problem detail saying which, with a <c>WWW-Authenticate</c> challenge (RFC 6750 §3).
/// Endpoints marked <see cref="DeviceTokenEndpoint"/> authenticate device tokens themselves and are skipped here.
/// </summary>
internal sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IAccessTokenStore tokens,
    IPartyStore parties,
    IOptions<AccessOptions> access,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    private const string MissingDetail = "This endpoint needs a bearer token: send 'Authorization: Bearer TOKEN'.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || Context.GetEndpoint()?.Metadata.GetMetadata<DeviceTokenEndpoint>() is not null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return Refuse("The Authorization header is not 'Bearer TOKEN'.");
        }

        var token = header[7..].Trim();
        if (access.Value.AdminToken is { } admin && !string.IsNullOrWhiteSpace(admin)
            && CryptographicOperations.FixedTimeEquals(AccessTokens.Hash(token), AccessTokens.Hash(admin.Trim())))
        {
            return Success(new Caller(CallerKind.Admin, null, null, "configured"));
        }

        var info = await tokens.FindAsync(token, Context.RequestAborted).ConfigureAwait(false);
        if (info is null)
        {
            return Refuse("The bearer token is not known to this server.");
        }

        if (info.RevokedAt is { } revoked)
        {
            return Refuse($"The bearer token {info.Id} was revoked at {revoked.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}.");
        }

        if (info.IsAdmin)
        {
            return Success(new Caller(CallerKind.Admin, null, null, info.Id));
        }

        var party = await parties.FindAsync(info.Party!.Value, Context.RequestAborted).ConfigureAwait(false);
        return party is null
            ? Refuse($"The bearer token {info.Id} belongs to a party that no longer exists.")
            : Success(new Caller(CallerKind.Party, party.Id, party.Kind, info.Id));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        var detail = result.Failure?.Message ?? MissingDetail;
        var challenge = new StringBuilder("Bearer realm=\"caravan\"");
        if (result.Failure is not null)
        {
            challenge.Append(", error=\"invalid_token\", error_description=\"").Append(detail.Replace("\"", "'", StringComparison.Ordinal)).Append('"');
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = challenge.ToString();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = ProblemDetailsDefaults.Create(StatusCodes.Status401Unauthorized, detail),
        }).ConfigureAwait(false);
    }

    private AuthenticateResult Success(Caller caller) =>
        AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));

    private AuthenticateResult Refuse(string reason)
    {
        Log.TokenRefused(Logger, reason);
        return AuthenticateResult.Fail(reason);
    }
}
