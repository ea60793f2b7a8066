using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Caravan.Core.Events;

/// <summary>
/// Unpadded base64url (RFC 7515 §2) with strict decoding: padding, whitespace and non-zero trailing bits are
/// refused, so every byte string has exactly one text and a signature or key cannot be re-spelled.
/// </summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    public static bool TryDecode(string? text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text is null || text.Length % 4 == 1 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return false;
        }

        var decoded = new byte[System.Buffers.Text.Base64Url.GetMaxDecodedLength(text.Length)];
        var status = System.Buffers.Text.Base64Url.DecodeFromChars(text, decoded, out var consumed, out var written);
        if (status != OperationStatus.Done
            || consumed != text.Length
            || !string.Equals(Encode(decoded.AsSpan(0, written)), text, StringComparison.Ordinal))
        {
            return false;
        }

        bytes = written == decoded.Length ? decoded : decoded[..written];
        return true;
    }
}
