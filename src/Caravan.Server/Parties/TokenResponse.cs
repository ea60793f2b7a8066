using Caravan.Storage;

namespace Caravan.Server.Parties;

/// <summary>
/// A token as the API describes it: id, owner, label, times. <see cref="Token"/> holds the token's text only in the
/// answer that issued it; it is never shown again.
/// </summary>
public sealed record TokenResponse(string Id, string? Party, bool Admin, string Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? Token)
{
    public static TokenResponse From(AccessTokenInfo info, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new TokenResponse(info.Id, info.Party?.Value, info.IsAdmin, info.Label, info.CreatedAt, info.RevokedAt, token);
    }
}
