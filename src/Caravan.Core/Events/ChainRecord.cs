using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;

namespace Caravan.Core.Events;

/// <summary>
/// Writes an entry's canonical record: an RFC 8785 object of every stored field (entry hash aside), with the
/// event's canonical JSON embedded as a value (an entry the platform did not sign has no <c>platformSignature</c>
/// member). Members are written in their canonical (UTF-16) order by hand,
/// so a record of a valid entry is canonical JSON without a parse.
/// </summary>
internal static class ChainRecord
{
    public const string RecordedAtFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    // Each append seals a record twice (once to sign, once to hash) and verification reads it twice.
    private static readonly PerThreadBuffer Buffer = new(4096);

    public static byte[] Write(ChainEntry entry, bool includePlatformSignature) =>
        Written(entry, includePlatformSignature).ToArray();

    /// <summary>
    /// The record in this thread's buffer: valid until the next call on the same thread, so a caller hashes or signs
    /// it before writing another.
    /// </summary>
    public static ReadOnlySpan<byte> Written(ChainEntry entry, bool includePlatformSignature)
    {
        var output = Buffer.Take();
        Member(output, "{\"authorKid\":"u8, entry.AuthorKid);
        Member(output, ",\"authorPartyID\":"u8, entry.AuthorPartyId);
        Member(output, ",\"authorSignature\":"u8, entry.AuthorSignature);
        output.Write(",\"event\":"u8);
        output.Write(entry.EventJson.Span);
        output.Write(",\"eventID\":\""u8);
        Formatted(output, entry.EventId, "D");
        Member(output, "\",\"platformKid\":"u8, entry.PlatformKid);
        if (includePlatformSignature && entry.IsPlatformSigned)
        {
            Member(output, ",\"platformSignature\":"u8, entry.PlatformSignature);
        }

        Member(output, ",\"previousHash\":"u8, entry.PreviousHash);
        output.Write(",\"recordedAt\":\""u8);
        Formatted(output, entry.RecordedAt.UtcDateTime, RecordedAtFormat);
        output.Write("\",\"sequence\":"u8);
        Formatted(output, entry.Sequence, null);
        Member(output, ",\"shipmentID\":"u8, entry.ShipmentId);
        output.Write("}"u8);
        return output.WrittenSpan;
    }

    /// <summary>The entry's hash: SHA-256 of its whole record, in lower-case hex.</summary>
    public static string Hash(ChainEntry entry) => Hash(Written(entry, includePlatformSignature: true));

    private static string Hash(ReadOnlySpan<byte> record)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(record, hash);
        return Convert.ToHexStringLower(hash);
    }

    public static string FormatRecordedAt(DateTimeOffset recordedAt) =>
        recordedAt.UtcDateTime.ToString(RecordedAtFormat, CultureInfo.InvariantCulture);

    // A stored string with a lone surrogate (possible only in a damaged store) is written up to that point; the
    // record is then not JSON, and its hash cannot match the one sealed.
    private static void Member(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> nameAndColon, string value)
    {
        output.Write(nameAndColon);
        _ = CanonicalJson.WriteEscaped(value, output);
    }

    // Ids, times and sequence numbers are ASCII digits, letters and punctuation that JSON needs no escape for.
    private static void Formatted<T>(ArrayBufferWriter<byte> output, T value, string? format)
        where T : IUtf8SpanFormattable
    {
        var span = output.GetSpan(64);
        if (!value.TryFormat(span, out var written, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"A {typeof(T).Name} did not fit in 64 bytes.");
        }

        output.Advance(written);
    }
}
