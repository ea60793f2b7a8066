namespace Caravan.Server.Parties;

/// <summary>Who the presented token acts for: <c>GET /api/me</c>.</summary>
public sealed record CallerResponse(bool Admin, PartyResponse? Party, string TokenId);
