using System.Security.Claims;
using Caravan.Core.Shipments;

namespace Caravan.Server.Access;

/// <summary>
/// The authenticated caller of a request, read from the claims the bearer handler set: the operator, or a party
/// with its kind. An endpoint takes the <see cref="ClaimsPrincipal"/> and calls <see cref="From"/>.
/// </summary>
public sealed record Caller(CallerKind Kind, PartyId? Party, PartyKind? PartyKind, string TokenId)
{
    public bool IsAdmin => Kind == CallerKind.Admin;

    /// <summary>The caller's party; throws for the operator (endpoints that call this require the party policy).</summary>
    public PartyId RequiredParty => Party ?? throw new InvalidOperationException("The caller is the operator, not a party.");

    /// <summary>Reads the caller from an authenticated principal.</summary>
    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var tokenId = user.FindFirstValue(CaravanClaims.TokenId) ?? string.Empty;
        if (user.HasClaim(CaravanClaims.Admin, "true"))
        {
            return new Caller(CallerKind.Admin, null, null, tokenId);
        }

        var party = user.FindFirstValue(CaravanClaims.Party) ?? throw new InvalidOperationException("The principal has no party claim.");
        var kind = Enum.Parse<PartyKind>(user.FindFirstValue(CaravanClaims.Kind) ?? throw new InvalidOperationException("The principal has no kind claim."));
        return new Caller(CallerKind.Party, PartyId.Parse(party), kind, tokenId);
    }

    /// <summary>The principal for this caller.</summary>
    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim> { new(CaravanClaims.TokenId, TokenId) };
        if (IsAdmin)
        {
            claims.Add(new Claim(CaravanClaims.Admin, "true"));
        }
        else
        {
            claims.Add(new Claim(CaravanClaims.Party, RequiredParty.Value));
            claims.Add(new Claim(CaravanClaims.Kind, PartyKind!.Value.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, CaravanClaims.Party, null));
    }
}
