using System.Diagnostics.CodeAnalysis;
using System.Text;
using NSec.Cryptography;

namespace Caravan.Core.Events;

/// <summary>
/// A party's Ed25519 public key, as registered with Caravan and shipped in bundles: read from and written as an
/// RFC 8037 JWK, identified by its RFC 7638 thumbprint (<see cref="Kid"/>), so the key id cannot name another key.
/// </summary>
public sealed class EventPublicKey : IEquatable<EventPublicKey>
{
    private readonly byte[] _raw;
    private readonly PublicKey _key;

    private EventPublicKey(byte[] raw, PublicKey key)
    {
        _raw = raw;
        _key = key;
        Kid = Jwk.Thumbprint(raw);
        JwsHeaderSegment = Base64Url.Encode(Encoding.ASCII.GetBytes($$"""{"alg":"{{DetachedJws.Algorithm}}","kid":"{{Kid}}"}"""));
    }

    /// <summary>The key id: the base64url SHA-256 JWK thumbprint (RFC 7638) of this key, 43 characters.</summary>
    public string Kid { get; }

    /// <summary>The 32 raw bytes of the public key (the JWK's <c>x</c>).</summary>
    public ReadOnlySpan<byte> RawBytes => _raw;

    /// <summary>The protected header Caravan writes for this key, base64url: <c>{"alg":"EdDSA","kid":...}</c>.</summary>
    public string JwsHeaderSegment { get; }

    /// <summary>Reads a public JWK (a private one is read too, and only its public half kept).</summary>
    /// <param name="jwk">JSON: <c>{"kty":"OKP","crv":"Ed25519","x":"..."}</c>, optionally with a <c>kid</c> that must be the thumbprint.</param>
    /// <param name="key">The key on success.</param>
    /// <param name="error">Null on success; otherwise which member is wrong and why.</param>
    public static bool TryParse(string? jwk, [NotNullWhen(true)] out EventPublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!Jwk.TryRead(jwk, out var x, out _, out error))
        {
            return false;
        }

        return TryFromRawBytes(x, out key, out error);
    }

    /// <summary>Reads a public JWK, throwing <see cref="FormatException"/> with the reason when it is not one.</summary>
    public static EventPublicKey Parse(string jwk) =>
        TryParse(jwk, out var key, out var error) ? key : throw new FormatException(error);

    /// <summary>The key from its 32 raw bytes.</summary>
    public static bool TryFromRawBytes(ReadOnlySpan<byte> raw, [NotNullWhen(true)] out EventPublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (raw.Length != Jwk.KeyLength
            || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var imported)
            || imported is null)
        {
            error = "an Ed25519 public key is 32 bytes";
            return false;
        }

        key = new EventPublicKey(raw.ToArray(), imported);
        error = null;
        return true;
    }

    /// <summary>The public JWK in canonical JSON: <c>{"crv":"Ed25519","kid":...,"kty":"OKP","x":...}</c>.</summary>
    public string ToJwk() => Jwk.Write(_raw, []);

    public bool Equals(EventPublicKey? other) => other is not null && _raw.AsSpan().SequenceEqual(other._raw);

    public override bool Equals(object? obj) => Equals(obj as EventPublicKey);

    public override int GetHashCode() => Kid.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Kid;

    internal bool VerifyRaw(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        SignatureAlgorithm.Ed25519.Verify(_key, data, signature);
}
