using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Caravan.Server.Events;

/// <summary>
/// The opaque <c>cursor</c> of <c>GET /v2/events</c>: the append position a page starts after, bound to the filters it
/// was issued for (a hash of them), so a cursor used with other filters is refused instead of silently skipping events.
/// </summary>
internal static class EventCursor
{
    private const string Version = "c1";

    public static string Write(long after, string filters) =>
        System.Buffers.Text.Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}.{after}.{Hash(filters)}")));

    /// <summary>The position in <paramref name="cursor"/>; an error when it is not a cursor, or one issued for other filters.</summary>
    public static bool TryRead(string cursor, string filters, out long after, out string? error)
    {
        after = 0;
        var text = string.Empty;
        try
        {
            text = Encoding.ASCII.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            // Not base64url: read as an empty cursor, refused below.
        }

        var parts = text.Split('.');
        if (parts.Length != 3 || parts[0] != Version || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            error = "This is not a cursor this server issued; take it from the Next-Page header.";
            return false;
        }

        if (parts[2] != Hash(filters))
        {
            error = "The cursor was issued for other filters; page with the same filters, or start again without a cursor.";
            return false;
        }

        error = null;
        return true;
    }

    private static string Hash(string filters) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filters)).AsSpan(0, 12));
}
