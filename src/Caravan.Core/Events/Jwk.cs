using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Caravan.Core.Events;

/// <summary>
/// Reads and writes Ed25519 JWKs (RFC 8037 §2: <c>kty</c> OKP, <c>crv</c> Ed25519, <c>x</c> the public key,
/// <c>d</c> the private seed) and computes their RFC 7638 thumbprint, which Caravan uses as the key id.
/// </summary>
internal static class Jwk
{
    public const int KeyLength = 32;

    /// <summary>RFC 7638 §3: SHA-256 of the required members in lexicographic order, no whitespace, base64url.</summary>
    public static string Thumbprint(ReadOnlySpan<byte> publicKey)
    {
        var json = $$"""{"crv":"Ed25519","kty":"OKP","x":"{{Base64Url.Encode(publicKey)}}"}""";
        return Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(json)));
    }

    /// <summary>The JWK in canonical form (RFC 8785), with <c>kid</c>, and with <c>d</c> when a seed is given.</summary>
    public static string Write(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> seed)
    {
        var x = Base64Url.Encode(publicKey);
        var kid = Thumbprint(publicKey);
        return seed.IsEmpty
            ? $$"""{"crv":"Ed25519","kid":"{{kid}}","kty":"OKP","x":"{{x}}"}"""
            : $$"""{"crv":"Ed25519","d":"{{Base64Url.Encode(seed)}}","kid":"{{kid}}","kty":"OKP","x":"{{x}}"}""";
    }

    /// <summary>
    /// Reads <c>x</c> and, when present, <c>d</c>; checks <c>kty</c>, <c>crv</c>, the lengths, and that a given
    /// <c>kid</c> is the thumbprint. Other members (<c>use</c>, <c>alg</c>, ...) are ignored as RFC 7517 §4 allows.
    /// </summary>
    public static bool TryRead(
        string? json,
        [NotNullWhen(true)] out byte[]? publicKey,
        out byte[]? seed,
        [NotNullWhen(false)] out string? error)
    {
        publicKey = null;
        seed = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            error = "the JWK is empty";
            return false;
        }

        if (!CanonicalJson.TryParseDocument(Encoding.UTF8.GetBytes(json), out var document, out error))
        {
            error = $"the JWK is {error}";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "a JWK is a JSON object";
                return false;
            }

            var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!members.TryAdd(property.Name, property.Value))
                {
                    error = $"the JWK member '{property.Name}' appears more than once";
                    return false;
                }
            }

            if (Text(members, "kty") != "OKP")
            {
                error = "kty must be \"OKP\" (an RFC 8037 octet key pair)";
                return false;
            }

            if (Text(members, "crv") != "Ed25519")
            {
                error = "crv must be \"Ed25519\"";
                return false;
            }

            if (!Base64Url.TryDecode(Text(members, "x"), out var x) || x.Length != KeyLength)
            {
                error = "x must be the 32-byte Ed25519 public key in unpadded base64url (43 characters)";
                return false;
            }

            if (members.ContainsKey("d"))
            {
                if (!Base64Url.TryDecode(Text(members, "d"), out var d) || d.Length != KeyLength)
                {
                    error = "d must be the 32-byte Ed25519 private seed in unpadded base64url (43 characters)";
                    return false;
                }

                seed = d;
            }

            if (members.ContainsKey("kid"))
            {
                var thumbprint = Thumbprint(x);
                if (Text(members, "kid") != thumbprint)
                {
                    error = $"kid must be the key's RFC 7638 thumbprint {thumbprint}";
                    return false;
                }
            }

            publicKey = x;
            error = null;
            return true;
        }
    }

    private static string? Text(Dictionary<string, JsonElement> members, string name) =>
        members.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
