namespace Caravan.Server.Access;

/// <summary>Who a bearer token acts for: the operator (admin) or a party.</summary>
public enum CallerKind
{
    Admin,
    Party,
}
