using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Caravan.Core.Events;

/// <summary>
/// Compact JWS with detached content (RFC 7515 Appendix F) and EdDSA (RFC 8037): <c>header..signature</c>, where
/// the signature covers <c>BASE64URL(header) '.' BASE64URL(payload)</c> and the payload — an event's canonical
/// JSON, or a chain entry's record — travels beside it. The protected header is exactly
/// <c>{"alg":"EdDSA","kid":"…"}</c>; the default base64url payload encoding is used (no RFC 7797 <c>b64</c>).
/// </summary>
public static class DetachedJws
{
    /// <summary>The <c>alg</c> Caravan writes (RFC 8037 §3.1).</summary>
    public const string Algorithm = "EdDSA";

    // RFC 9864 deprecates the polymorphic "EdDSA" for the fully specified "Ed25519"; both name Ed25519 here, so a
    // client that writes the new name is accepted too.
    private const string FullySpecifiedAlgorithm = "Ed25519";

    private const int SignatureLength = 64;

    /// <summary>Signs <paramref name="payload"/> and returns the detached compact JWS.</summary>
    public static string Sign(EventSigningKey key, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(key);
        var header = key.PublicKey.JwsHeaderSegment;
        var input = RentSigningInput(header, payload, out var length);
        byte[] signature;
        try
        {
            signature = key.SignRaw(input.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }

        return $"{header}..{Base64Url.Encode(signature)}";
    }

    /// <summary>
    /// Checks that <paramref name="jws"/> is a detached JWS by <paramref name="key"/> over <paramref name="payload"/>:
    /// well formed, <c>alg</c> EdDSA, <c>kid</c> equal to the key's id, and the signature valid.
    /// </summary>
    public static JwsVerification Verify(EventPublicKey key, string? jws, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> signature = stackalloc byte[SignatureLength];
        if (!TrySplit(jws, signature, out var headerLength, out var malformed))
        {
            return JwsVerification.Failed(JwsFailure.Malformed, malformed);
        }

        // Caravan's own header for this key needs no parsing; any other header is read to say precisely what is off.
        var header = jws.AsSpan(0, headerLength);
        if (!header.SequenceEqual(key.JwsHeaderSegment)
            && CheckHeader(header.ToString(), key) is { } headerFailure)
        {
            return headerFailure;
        }

        var input = RentSigningInput(header, payload, out var length);
        bool valid;
        try
        {
            valid = key.VerifyRaw(input.AsSpan(0, length), signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }

        return valid
            ? JwsVerification.Valid
            : JwsVerification.Failed(JwsFailure.InvalidSignature, $"the signature is not key {key.Kid}'s over this payload");
    }

    /// <summary>Reads the <c>kid</c> of a detached JWS's protected header, so the verifier can look up the key.</summary>
    public static bool TryReadKeyId(string? jws, [NotNullWhen(true)] out string? kid, [NotNullWhen(false)] out string? error)
    {
        kid = null;
        if (!TrySplit(jws, stackalloc byte[SignatureLength], out var headerLength, out error))
        {
            return false;
        }

        if (TryReadOwnHeader(jws.AsSpan(0, headerLength), out kid))
        {
            return true;
        }

        if (!TryReadHeader(jws[..headerLength], out var alg, out kid, out error))
        {
            return false;
        }

        if (kid is null)
        {
            error = "the JWS header has no kid";
            return false;
        }

        return true;
    }

    // A compact JWS with detached content is header..signature: exactly two dots, nothing between them, and a signature
    // of 64 bytes in unpadded base64url (86 characters), decoded into signature.
    private static bool TrySplit([NotNullWhen(true)] string? jws, Span<byte> signature, out int headerLength, [NotNullWhen(false)] out string? error)
    {
        headerLength = 0;
        var first = jws?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        var second = first < 0 ? -1 : jws!.IndexOf('.', first + 1);
        if (second < 0 || jws!.IndexOf('.', second + 1) >= 0)
        {
            error = "a compact JWS has three parts separated by dots: header..signature";
            return false;
        }

        if (second != first + 1)
        {
            error = "the JWS carries a payload; Caravan's signatures are detached (header..signature)";
            return false;
        }

        if (!Base64Url.TryDecode(jws.AsSpan(second + 1), signature, out var written) || written != SignatureLength)
        {
            error = "the JWS signature is not 64 bytes of unpadded base64url";
            return false;
        }

        headerLength = first;
        error = null;
        return true;
    }

    // The header Caravan writes, {"alg":"EdDSA","kid":"…"} with a kid of base64url characters, read without a JSON
    // parse; any other header is parsed in full.
    private static bool TryReadOwnHeader(ReadOnlySpan<char> header, [NotNullWhen(true)] out string? kid)
    {
        kid = null;
        const int MaxHeaderChars = 160;
        Span<byte> json = stackalloc byte[MaxHeaderChars * 3 / 4];
        if (header.Length > MaxHeaderChars || !Base64Url.TryDecode(header, json, out var written))
        {
            return false;
        }

        var prefix = "{\"alg\":\"EdDSA\",\"kid\":\""u8;
        var content = json[..written];
        if (content.Length < prefix.Length + 2 || !content.StartsWith(prefix) || !content.EndsWith("\"}"u8))
        {
            return false;
        }

        var id = content[prefix.Length..^2];
        if (!Base64Url.IsAlphabet(id))
        {
            return false;
        }

        kid = Encoding.ASCII.GetString(id);
        return true;
    }

    private static JwsVerification? CheckHeader(string header, EventPublicKey key)
    {
        if (!TryReadHeader(header, out var alg, out var kid, out var error))
        {
            return JwsVerification.Failed(error.StartsWith("crit", StringComparison.Ordinal) ? JwsFailure.UnsupportedAlgorithm : JwsFailure.Malformed, error);
        }

        if (alg is not (Algorithm or FullySpecifiedAlgorithm))
        {
            return JwsVerification.Failed(JwsFailure.UnsupportedAlgorithm, $"the JWS alg is {(alg is null ? "missing" : $"\"{alg}\"")}; Caravan accepts \"EdDSA\" (Ed25519)");
        }

        if (kid is null)
        {
            return JwsVerification.Failed(JwsFailure.KeyIdMismatch, "the JWS header has no kid");
        }

        return string.Equals(kid, key.Kid, StringComparison.Ordinal)
            ? null
            : JwsVerification.Failed(JwsFailure.KeyIdMismatch, $"the JWS kid {kid} is not the id of key {key.Kid}");
    }

    private static bool TryReadHeader(string header, out string? alg, out string? kid, [NotNullWhen(false)] out string? error)
    {
        alg = null;
        kid = null;
        if (!Base64Url.TryDecode(header, out var json)
            || !CanonicalJson.TryParseDocument(json, out var document, out _))
        {
            error = "the JWS header is not base64url JSON";
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "the JWS header is not a JSON object";
                return false;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(member.Name))
                {
                    error = $"the JWS header has '{member.Name}' twice";
                    return false;
                }

                // RFC 7515 §4.1.11: a critical extension that is not understood makes the JWS invalid.
                if (member.Name == "crit")
                {
                    error = "crit: Caravan implements no JWS extensions (such as RFC 7797 b64)";
                    return false;
                }

                if (member.Name is "alg" or "kid")
                {
                    if (member.Value.ValueKind != JsonValueKind.String)
                    {
                        error = $"the JWS header's {member.Name} is not a string";
                        return false;
                    }

                    if (member.Name == "alg")
                    {
                        alg = member.Value.GetString();
                    }
                    else
                    {
                        kid = member.Value.GetString();
                    }
                }
            }
        }

        error = null;
        return true;
    }

    // The JWS signing input, ASCII(BASE64URL(header) '.' BASE64URL(payload)), in a pooled buffer the caller returns.
    private static byte[] RentSigningInput(ReadOnlySpan<char> header, ReadOnlySpan<byte> payload, out int length)
    {
        var rented = ArrayPool<byte>.Shared.Rent(header.Length + 1 + System.Buffers.Text.Base64Url.GetEncodedLength(payload.Length));
        length = Encoding.ASCII.GetBytes(header, rented);
        rented[length++] = (byte)'.';
        length += System.Buffers.Text.Base64Url.EncodeToUtf8(payload, rented.AsSpan(length));
        return rented;
    }
}
