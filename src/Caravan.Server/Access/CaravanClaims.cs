namespace Caravan.Server.Access;

/// <summary>The claims the bearer handler puts on a caller: the party and its kind, or the admin mark, and the token id.</summary>
public static class CaravanClaims
{
    public const string Party = "caravan:party";
    public const string Kind = "caravan:kind";
    public const string Admin = "caravan:admin";
    public const string TokenId = "caravan:token";
}
