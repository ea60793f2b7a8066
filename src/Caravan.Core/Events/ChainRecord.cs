using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Caravan.Core.Events;

/// <summary>
/// Writes an entry's canonical record: an RFC 8785 object of every stored field (entry hash aside), with the
/// event's canonical JSON embedded as a value. Members are written in their canonical (UTF-16) order by hand,
/// so a record of a valid entry is canonical JSON without a parse.
/// </summary>
internal static class ChainRecord
{
    public const string RecordedAtFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static byte[] Write(ChainEntry entry, bool includePlatformSignature)
    {
        var output = new ArrayBufferWriter<byte>(512 + entry.EventJson.Length);
        Member(output, "{\"authorKid\":"u8, entry.AuthorKid);
        Member(output, ",\"authorPartyID\":"u8, entry.AuthorPartyId);
        Member(output, ",\"authorSignature\":"u8, entry.AuthorSignature);
        output.Write(",\"event\":"u8);
        output.Write(entry.EventJson.Span);
        Member(output, ",\"eventID\":"u8, entry.EventId.ToString("D"));
        Member(output, ",\"platformKid\":"u8, entry.PlatformKid);
        if (includePlatformSignature)
        {
            Member(output, ",\"platformSignature\":"u8, entry.PlatformSignature);
        }

        Member(output, ",\"previousHash\":"u8, entry.PreviousHash);
        Member(output, ",\"recordedAt\":"u8, FormatRecordedAt(entry.RecordedAt));
        output.Write(",\"sequence\":"u8);
        output.Write(Encoding.ASCII.GetBytes(entry.Sequence.ToString(CultureInfo.InvariantCulture)));
        Member(output, ",\"shipmentID\":"u8, entry.ShipmentId);
        output.Write("}"u8);
        return output.WrittenSpan.ToArray();
    }

    public static string Hash(ReadOnlySpan<byte> record) => Convert.ToHexStringLower(SHA256.HashData(record));

    public static string FormatRecordedAt(DateTimeOffset recordedAt) =>
        recordedAt.UtcDateTime.ToString(RecordedAtFormat, CultureInfo.InvariantCulture);

    // A stored string with a lone surrogate (possible only in a damaged store) is written up to that point; the
    // record is then not JSON, and its hash cannot match the one sealed.
    private static void Member(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> nameAndColon, string value)
    {
        output.Write(nameAndColon);
        _ = CanonicalJson.WriteEscaped(value, output);
    }
}
