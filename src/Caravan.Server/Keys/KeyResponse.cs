using System.Text.Json.Serialization;
using Caravan.Storage;

namespace Caravan.Server.Keys;

/// <summary>A key registered to a party: its id, whether the server holds its private half, and the public JWK.</summary>
public sealed record KeyResponse(
    [property: JsonPropertyName("partyID")] string PartyId,
    string Kid,
    bool Custodial,
    DateTimeOffset AddedAt,
    System.Text.Json.JsonElement Jwk)
{
    public static KeyResponse From(PartyKeyInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        using var jwk = System.Text.Json.JsonDocument.Parse(info.Key.ToJwk());
        return new KeyResponse(info.Party.Value, info.Kid, info.Custodial, info.AddedAt, jwk.RootElement.Clone());
    }
}
