using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace Caravan.Core.Events;

/// <summary>
/// A party's (or the platform's) Ed25519 private key for signing events and chain entries. It is kept by its
/// owner — a railway keeps its own — and written only as a private JWK (RFC 8037, with <c>d</c>).
/// Dispose it when done: the key material lives in memory that NSec clears.
/// </summary>
public sealed class EventSigningKey : IDisposable
{
    private readonly Key _key;

    private EventSigningKey(Key key)
    {
        _key = key;
        PublicKey = EventPublicKey.TryFromRawBytes(key.PublicKey.Export(KeyBlobFormat.RawPublicKey), out var publicKey, out var error)
            ? publicKey
            : throw new InvalidOperationException(error);
    }

    /// <summary>The public half, to register with Caravan.</summary>
    public EventPublicKey PublicKey { get; }

    /// <summary>The key id (the public key's RFC 7638 thumbprint).</summary>
    public string Kid => PublicKey.Kid;

    /// <summary>A new key from the operating system's random number generator.</summary>
    public static EventSigningKey Create() => new(Key.Create(SignatureAlgorithm.Ed25519, Exportable()));

    /// <summary>The key for a 32-byte Ed25519 seed (RFC 8032 §5.1.5).</summary>
    public static EventSigningKey FromSeed(ReadOnlySpan<byte> seed)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(seed.Length, Jwk.KeyLength, nameof(seed));
        return new(Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, Exportable()));
    }

    /// <summary>Reads a private JWK: <c>{"kty":"OKP","crv":"Ed25519","d":...,"x":...}</c>; <c>x</c> must be <c>d</c>'s public key.</summary>
    public static bool TryParse(string? jwk, [NotNullWhen(true)] out EventSigningKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!Jwk.TryRead(jwk, out var x, out var d, out error))
        {
            return false;
        }

        if (d is null)
        {
            error = "the JWK has no d: it is a public key, not a private one";
            return false;
        }

        var candidate = FromSeed(d);
        if (!candidate.PublicKey.RawBytes.SequenceEqual(x))
        {
            candidate.Dispose();
            error = "x is not the public key of d";
            return false;
        }

        key = candidate;
        return true;
    }

    /// <summary>The private JWK in canonical JSON, with <c>d</c>, <c>x</c> and <c>kid</c>. Keep it secret.</summary>
    public string ToPrivateJwk()
    {
        var seed = _key.Export(KeyBlobFormat.RawPrivateKey);
        try
        {
            return Jwk.Write(PublicKey.RawBytes, seed);
        }
        finally
        {
            Array.Clear(seed);
        }
    }

    public void Dispose() => _key.Dispose();

    // The owner may write the key to its file (`caravan keys new`); NSec refuses export unless asked for up front.
    private static KeyCreationParameters Exportable() => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };

    internal byte[] SignRaw(ReadOnlySpan<byte> data) => SignatureAlgorithm.Ed25519.Sign(_key, data);
}
