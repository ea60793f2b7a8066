using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Caravan.Storage;

/// <summary>
/// Bearer token text and its stored form: 32 random bytes as unpadded base64url (43 characters), kept only as the
/// SHA-256 of its UTF-8 text, so a copy of the database gives no usable token.
/// </summary>
public static class AccessTokens
{
    /// <summary>A new token's text.</summary>
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form of a token's text.</summary>
    public static byte[] Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>A new public token id: <c>tok-</c> and 16 hex digits, safe to show and log.</summary>
    public static string NewId() => "tok-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
