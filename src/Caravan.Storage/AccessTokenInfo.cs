using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>
/// What is known of a bearer token without its text: its public id, whom it acts for (a party, or the operator when
/// <see cref="IsAdmin"/>), a label for people, and when it was issued and revoked.
/// </summary>
public sealed record AccessTokenInfo(string Id, PartyId? Party, bool IsAdmin, string Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
