using Microsoft.AspNetCore.Authorization;

namespace Caravan.Server.Access;

/// <summary>Requires the caller to be the operator or a party; its <see cref="Describe"/> is the 403 detail when it is not.</summary>
public sealed class CallerRequirement(CallerKind kind) : IAuthorizationRequirement
{
    public CallerKind Kind { get; } = kind;

    public string Describe() => Kind == CallerKind.Admin
        ? "This endpoint needs the admin right, which only the operator's admin token has; the token presented acts for a party."
        : "This endpoint needs a party's token; the admin token manages parties and tokens but holds no role on any shipment.";
}
