using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Caravan.Core.Events;

/// <summary>
/// Unpadded base64url (RFC 7515 §2) with strict decoding: padding, whitespace and non-zero trailing bits are
/// refused, so every byte string has exactly one text and a signature or key cannot be re-spelled.
/// </summary>
internal static class Base64Url
{
    private static readonly SearchValues<char> Alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static readonly SearchValues<byte> AlphabetUtf8 = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"u8);

    /// <summary>True when every character is one of base64url's 64 (no padding, no whitespace).</summary>
    public static bool IsAlphabet(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(Alphabet);

    /// <inheritdoc cref="IsAlphabet(ReadOnlySpan{char})"/>
    public static bool IsAlphabet(ReadOnlySpan<byte> utf8) => !utf8.ContainsAnyExcept(AlphabetUtf8);

    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    public static bool TryDecode(string? text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text is null)
        {
            return false;
        }

        var decoded = new byte[System.Buffers.Text.Base64Url.GetMaxDecodedLength(text.Length)];
        if (!TryDecode(text, decoded, out var written))
        {
            return false;
        }

        bytes = written == decoded.Length ? decoded : decoded[..written];
        return true;
    }

    /// <summary>
    /// Decodes strictly into <paramref name="destination"/>, which holds at least
    /// <c>GetMaxDecodedLength(text.Length)</c> bytes; false for any text that is not the one spelling of its bytes.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        if (text.Length % 4 == 1 || destination.Length < System.Buffers.Text.Base64Url.GetMaxDecodedLength(text.Length) || !IsAlphabet(text))
        {
            return false;
        }

        var status = System.Buffers.Text.Base64Url.DecodeFromChars(text, destination, out var consumed, out written);
        if (status != OperationStatus.Done || consumed != text.Length)
        {
            return false;
        }

        // Non-zero trailing bits decode too; only the text that encoding the bytes gives back is accepted.
        const int StackChars = 256;
        var length = System.Buffers.Text.Base64Url.GetEncodedLength(written);
        Span<char> reencoded = length <= StackChars ? stackalloc char[StackChars] : new char[length];
        var encoded = System.Buffers.Text.Base64Url.EncodeToChars(destination[..written], reencoded);
        return reencoded[..encoded].SequenceEqual(text);
    }
}
