using System.Text;
using Caravan.Core.Events;

namespace Caravan.Core.Tests.Events;

public sealed class DetachedJwsTests
{
    // RFC 8037 Appendix A.1 (standards.md §7.2).
    private const string RfcPrivateJwk =
        """{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""";

    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"eventID":"x","eventType":"TRANSPORT"}""");

    [Fact]
    public void The_RFC_8037_key_signs_the_RFC_8037_example_to_the_published_signature()
    {
        using var key = Key(RfcPrivateJwk);
        var input = Encoding.ASCII.GetBytes("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc");

        var signature = key.SignRaw(input);

        Assert.Equal("hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg", Base64Url.Encode(signature));
        Assert.True(key.PublicKey.VerifyRaw(input, signature));
    }

    [Fact]
    public void The_key_id_is_the_RFC_7638_thumbprint_published_in_RFC_8037_appendix_A_3()
    {
        using var key = Key(RfcPrivateJwk);

        Assert.Equal("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", key.Kid);
        Assert.Equal("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", Base64Url.Encode(key.PublicKey.RawBytes));
    }

    [Fact]
    public void The_RFC_8032_test_1_seed_gives_its_public_key_and_empty_message_signature()
    {
        using var key = EventSigningKey.FromSeed(Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Convert.ToHexStringLower(key.PublicKey.RawBytes));
        Assert.Equal(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            Convert.ToHexStringLower(key.SignRaw([])));
    }

    [Fact]
    public void A_detached_JWS_has_an_EdDSA_header_with_the_kid_and_no_payload()
    {
        using var key = Key(RfcPrivateJwk);

        var jws = DetachedJws.Sign(key, Payload);

        var parts = jws.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Empty(parts[1]);
        Assert.True(Base64Url.TryDecode(parts[0], out var header));
        Assert.Equal("""{"alg":"EdDSA","kid":"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"}""", Encoding.UTF8.GetString(header));
        Assert.True(DetachedJws.Verify(key.PublicKey, jws, Payload).IsValid);
        Assert.True(DetachedJws.TryReadKeyId(jws, out var kid, out _));
        Assert.Equal(key.Kid, kid);
    }

    [Fact]
    public void The_signature_is_over_the_attached_form_of_the_payload()
    {
        // RFC 7515 Appendix F: detaching removes the payload from the compact form; the signature is the same.
        using var key = Key(RfcPrivateJwk);
        var jws = DetachedJws.Sign(key, Payload);
        var parts = jws.Split('.');

        var signingInput = Encoding.ASCII.GetBytes($"{parts[0]}.{Base64Url.Encode(Payload)}");

        Assert.True(Base64Url.TryDecode(parts[2], out var signature));
        Assert.True(key.PublicKey.VerifyRaw(signingInput, signature));
    }

    [Fact]
    public void Changing_one_payload_byte_makes_the_signature_invalid()
    {
        using var key = EventSigningKey.Create();
        var jws = DetachedJws.Sign(key, Payload);
        var altered = (byte[])Payload.Clone();
        altered[5] ^= 1;

        var result = DetachedJws.Verify(key.PublicKey, jws, altered);

        Assert.Equal(JwsFailure.InvalidSignature, result.Failure);
        Assert.Contains(key.Kid, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_key_with_its_own_kid_in_the_header_is_a_kid_mismatch()
    {
        using var author = EventSigningKey.Create();
        using var other = EventSigningKey.Create();

        var result = DetachedJws.Verify(other.PublicKey, DetachedJws.Sign(author, Payload), Payload);

        Assert.Equal(JwsFailure.KeyIdMismatch, result.Failure);
        Assert.Contains(author.Kid, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_claiming_the_right_kid_over_another_keys_signature_is_invalid()
    {
        using var author = EventSigningKey.Create();
        using var forger = EventSigningKey.Create();
        var forged = DetachedJws.Sign(forger, Payload).Split('.')[2];

        var result = DetachedJws.Verify(author.PublicKey, $"{author.PublicKey.JwsHeaderSegment}..{forged}", Payload);

        Assert.Equal(JwsFailure.InvalidSignature, result.Failure);
    }

    [Theory]
    [InlineData("""{"alg":"RS256","kid":"K"}""", JwsFailure.UnsupportedAlgorithm, "\"RS256\"")]
    [InlineData("""{"alg":"none","kid":"K"}""", JwsFailure.UnsupportedAlgorithm, "\"none\"")]
    [InlineData("""{"kid":"K"}""", JwsFailure.UnsupportedAlgorithm, "missing")]
    [InlineData("""{"alg":"EdDSA","kid":"K","crit":["b64"],"b64":false}""", JwsFailure.UnsupportedAlgorithm, "crit")]
    [InlineData("""{"alg":"EdDSA"}""", JwsFailure.KeyIdMismatch, "no kid")]
    [InlineData("""{"alg":"EdDSA","kid":"someone-else"}""", JwsFailure.KeyIdMismatch, "someone-else")]
    [InlineData("""{"alg":"EdDSA","alg":"EdDSA","kid":"K"}""", JwsFailure.Malformed, "twice")]
    [InlineData("""["alg","EdDSA"]""", JwsFailure.Malformed, "not a JSON object")]
    [InlineData("""{"alg":"EdDSA",""", JwsFailure.Malformed, "not base64url JSON")]
    [InlineData("""{"alg":"EdDSA","kid":7}""", JwsFailure.Malformed, "kid is not a string")]
    public void Headers_Caravan_does_not_write_are_refused_with_the_reason(string header, JwsFailure failure, string reason)
    {
        using var key = EventSigningKey.Create();
        var headerSegment = Base64Url.Encode(Encoding.UTF8.GetBytes(header.Replace("\"K\"", $"\"{key.Kid}\"", StringComparison.Ordinal)));
        var signature = Base64Url.Encode(key.SignRaw(Encoding.ASCII.GetBytes($"{headerSegment}.{Base64Url.Encode(Payload)}")));

        var result = DetachedJws.Verify(key.PublicKey, $"{headerSegment}..{signature}", Payload);

        Assert.Equal(failure, result.Failure);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_RFC_9864_name_Ed25519_is_accepted_as_alg()
    {
        using var key = EventSigningKey.Create();
        var headerSegment = Base64Url.Encode(Encoding.UTF8.GetBytes($$"""{"alg":"Ed25519","kid":"{{key.Kid}}"}"""));
        var signature = Base64Url.Encode(key.SignRaw(Encoding.ASCII.GetBytes($"{headerSegment}.{Base64Url.Encode(Payload)}")));

        Assert.True(DetachedJws.Verify(key.PublicKey, $"{headerSegment}..{signature}", Payload).IsValid);
    }

    [Theory]
    [InlineData("", "three parts")]
    [InlineData("abc", "three parts")]
    [InlineData("a.b.c.d", "three parts")]
    [InlineData("HEADER.cGF5bG9hZA.SIG", "detached")]
    [InlineData("HEADER..c2ln", "64 bytes")]
    [InlineData("HEADER..SIG=", "64 bytes")]
    public void Malformed_compact_forms_are_refused(string shape, string reason)
    {
        using var key = EventSigningKey.Create();
        var valid = DetachedJws.Sign(key, Payload).Split('.');
        var jws = shape.Replace("HEADER", valid[0], StringComparison.Ordinal).Replace("SIG", valid[2], StringComparison.Ordinal);

        var result = DetachedJws.Verify(key.PublicKey, jws, Payload);

        Assert.Equal(JwsFailure.Malformed, result.Failure);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.False(DetachedJws.TryReadKeyId(jws, out _, out _));
    }

    [Fact]
    public void A_signature_spelled_with_non_zero_trailing_bits_is_refused()
    {
        // 64 bytes are 86 base64url characters whose last 4 bits are zero; setting them decodes to the same bytes in a
        // lenient decoder, so a second spelling of one signature would circulate.
        using var key = EventSigningKey.Create();
        var parts = DetachedJws.Sign(key, Payload).Split('.');
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = Alphabet.IndexOf(parts[2][^1], StringComparison.Ordinal);
        var respelled = $"{parts[0]}..{parts[2][..^1]}{Alphabet[last | 1]}";

        Assert.Equal(0, last & 0b1111);
        Assert.True(DetachedJws.Verify(key.PublicKey, $"{parts[0]}..{parts[2]}", Payload).IsValid);
        var result = DetachedJws.Verify(key.PublicKey, respelled, Payload);
        Assert.Equal(JwsFailure.Malformed, result.Failure);
        Assert.Contains("64 bytes", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"alg":"EdDSA","kid":"abc-_9"}""", "abc-_9")]
    [InlineData("""{"alg":"EdDSA","kid":""}""", "")]
    [InlineData("""{"kid":"abc","alg":"EdDSA"}""", "abc")]
    [InlineData("""{"alg":"EdDSA","kid":"a\u0062c"}""", "abc")]
    [InlineData("""{"alg":"EdDSA","kid":"a.b"}""", "a.b")]
    public void The_kid_is_read_from_Caravan_s_own_header_and_from_any_other_spelling(string header, string kid)
    {
        var jws = $"{Base64Url.Encode(Encoding.UTF8.GetBytes(header))}..{new string('A', 85)}A";

        Assert.True(DetachedJws.TryReadKeyId(jws, out var read, out var error), error);
        Assert.Equal(kid, read);
    }

    [Theory]
    [InlineData("""{"alg":"EdDSA","kid":"}""")]
    [InlineData("""{"alg":"EdDSA","kid":"x"}x""")]
    [InlineData("""{"alg":"EdDSA"}""")]
    public void A_header_that_only_looks_like_Caravan_s_gives_no_kid(string header)
    {
        var jws = $"{Base64Url.Encode(Encoding.UTF8.GetBytes(header))}..{new string('A', 85)}A";

        Assert.False(DetachedJws.TryReadKeyId(jws, out _, out _));
    }

    [Fact]
    public void Null_is_malformed() =>
        Assert.Equal(JwsFailure.Malformed, DetachedJws.Verify(EventSigningKey.Create().PublicKey, null, Payload).Failure);

    private static EventSigningKey Key(string jwk) =>
        EventSigningKey.TryParse(jwk, out var key, out var error) ? key : throw new InvalidOperationException(error);
}
