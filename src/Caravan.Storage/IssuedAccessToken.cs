namespace Caravan.Storage;

/// <summary>A token just issued: its description and its text, which exists only here and is never stored.</summary>
public sealed record IssuedAccessToken(AccessTokenInfo Info, string Token);
