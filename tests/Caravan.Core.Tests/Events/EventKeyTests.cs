using Caravan.Core.Events;

namespace Caravan.Core.Tests.Events;

public sealed class EventKeyTests
{
    private const string RfcPublicJwk = """{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""";

    [Fact]
    public void A_private_key_survives_export_and_import()
    {
        using var key = EventSigningKey.Create();

        Assert.True(EventSigningKey.TryParse(key.ToPrivateJwk(), out var again, out var error), error);
        using (again)
        {
            Assert.Equal(key.PublicKey, again.PublicKey);
            Assert.Equal(key.Kid, again.Kid);
        }
    }

    [Fact]
    public void Exported_JWKs_are_canonical_and_the_public_one_has_no_d()
    {
        using var key = EventSigningKey.Create();

        var publicJwk = key.PublicKey.ToJwk();
        var privateJwk = key.ToPrivateJwk();

        Assert.True(CanonicalJson.IsCanonical(System.Text.Encoding.UTF8.GetBytes(publicJwk)));
        Assert.True(CanonicalJson.IsCanonical(System.Text.Encoding.UTF8.GetBytes(privateJwk)));
        Assert.DoesNotContain("\"d\"", publicJwk, StringComparison.Ordinal);
        Assert.Contains("\"d\"", privateJwk, StringComparison.Ordinal);
        Assert.Contains($"\"kid\":\"{key.Kid}\"", publicJwk, StringComparison.Ordinal);
        Assert.Equal(key.PublicKey, EventPublicKey.Parse(publicJwk));
        Assert.Equal(key.PublicKey, EventPublicKey.Parse(privateJwk));
    }

    [Fact]
    public void Two_new_keys_differ()
    {
        using var a = EventSigningKey.Create();
        using var b = EventSigningKey.Create();

        Assert.NotEqual(a.PublicKey, b.PublicKey);
        Assert.NotEqual(a.Kid, b.Kid);
    }

    [Fact]
    public void The_RFC_8037_public_key_parses_with_its_thumbprint_as_kid()
    {
        var key = EventPublicKey.Parse(RfcPublicJwk);

        Assert.Equal("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", key.Kid);
        Assert.Equal(key, EventPublicKey.Parse(RfcPublicJwk.Replace("}", ""","kid":"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k","use":"sig"}""", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{", "not JSON")]
    [InlineData("[]", "JSON object")]
    [InlineData("""{"kty":"EC","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""", "kty")]
    [InlineData("""{"kty":"OKP","crv":"X25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""", "crv")]
    [InlineData("""{"kty":"OKP","crv":"Ed25519"}""", "x must be")]
    [InlineData("""{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUR"}""", "x must be")]
    [InlineData("""{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo="}""", "x must be")]
    [InlineData("""{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""", "x must be")]
    [InlineData("""{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","kid":"mine"}""", "thumbprint")]
    [InlineData("""{"kty":"OKP","kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""", "more than once")]
    public void A_public_key_that_is_not_an_Ed25519_JWK_is_refused_with_the_reason(string jwk, string reason)
    {
        Assert.False(EventPublicKey.TryParse(jwk, out var key, out var error));
        Assert.Null(key);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_JWK_is_not_a_signing_key()
    {
        Assert.False(EventSigningKey.TryParse(RfcPublicJwk, out _, out var error));
        Assert.Contains("no d", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_private_JWK_whose_x_belongs_to_another_seed_is_refused()
    {
        using var one = EventSigningKey.Create();
        using var other = EventSigningKey.Create();
        var mixed = one.ToPrivateJwk()
            .Replace(Base64Url.Encode(one.PublicKey.RawBytes), Base64Url.Encode(other.PublicKey.RawBytes), StringComparison.Ordinal)
            .Replace(one.Kid, other.Kid, StringComparison.Ordinal);

        Assert.False(EventSigningKey.TryParse(mixed, out _, out var error));
        Assert.Contains("x is not the public key of d", error, StringComparison.Ordinal);
    }
}
