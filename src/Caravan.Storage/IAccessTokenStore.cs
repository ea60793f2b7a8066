using Caravan.Core.Shipments;

namespace Caravan.Storage;

/// <summary>Bearer tokens for parties and for the operator, stored hashed (<see cref="AccessTokens"/>).</summary>
public interface IAccessTokenStore
{
    /// <summary>Issues a token for <paramref name="party"/>, or an operator token when it is null.</summary>
    Task<IssuedAccessToken> IssueAsync(PartyId? party, string label, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>The token whose text is <paramref name="token"/>, revoked or not; null when there is none.</summary>
    Task<AccessTokenInfo?> FindAsync(string token, CancellationToken cancellationToken);

    /// <summary>Revokes a token by id; false when there is no such token. Revoking twice keeps the first time.</summary>
    Task<bool> RevokeAsync(string tokenId, DateTimeOffset revokedAt, CancellationToken cancellationToken);

    /// <summary>Whether any operator token, revoked or not, was ever issued.</summary>
    Task<bool> AnyAdminAsync(CancellationToken cancellationToken);

    /// <summary>The tokens of one party, newest first.</summary>
    Task<IReadOnlyList<AccessTokenInfo>> ListAsync(PartyId party, CancellationToken cancellationToken);
}
