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
        Member(output, "{\"authorKid\":", entry.AuthorKid);
        Member(output, ",\"authorPartyID\":", entry.AuthorPartyId);
        Member(output, ",\"authorSignature\":", entry.AuthorSignature);
        output.Write(",\"event\":"u8);
        output.Write(entry.EventJson.Span);
        Member(output, ",\"eventID\":", entry.EventId.ToString("D"));
        Member(output, ",\"platformKid\":", entry.PlatformKid);
        if (includePlatformSignature)
        {
            Member(output, ",\"platformSignature\":", entry.PlatformSignature);
        }

        Member(output, ",\"previousHash\":", entry.PreviousHash);
        Member(output, ",\"recordedAt\":", FormatRecordedAt(entry.RecordedAt));
        output.Write(",\"sequence\":"u8);
        output.Write(Encoding.ASCII.GetBytes(entry.Sequence.ToString(CultureInfo.InvariantCulture)));
        Member(output, ",\"shipmentID\":", entry.ShipmentId);
        output.Write("}"u8);
        return output.WrittenSpan.ToArray();
    }

    public static string Hash(ReadOnlySpan<byte> record) => Convert.ToHexStringLower(SHA256.HashData(record));

    public static string FormatRecordedAt(DateTimeOffset recordedAt) =>
        recordedAt.UtcDateTime.ToString(RecordedAtFormat, CultureInfo.InvariantCulture);

    private static void Member(ArrayBufferWriter<byte> output, string nameAndColon, string value)
    {
        output.Write(Encoding.ASCII.GetBytes(nameAndColon));
        CanonicalJson.WriteEscaped(value, output);
    }
}
