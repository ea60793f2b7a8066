namespace Caravan.Server.Access;

/// <summary>The authorization policies of the API: the operator's admin token, a party's token, or either.</summary>
public static class AccessPolicies
{
    public const string Admin = "caravan-admin";
    public const string Party = "caravan-party";
    public const string Any = "caravan-any";
}
