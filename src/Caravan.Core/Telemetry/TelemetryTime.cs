using System.Globalization;

namespace Caravan.Core.Telemetry;

/// <summary>Parses the time formats trackers send, normalising to UTC; shared by the JSON and OsmAnd readers.</summary>
internal static class TelemetryTime
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    /// <summary>ISO 8601 with a date, a time and an explicit offset (<c>Z</c> or <c>±hh:mm</c>); a local time without one is refused.</summary>
    public static bool TryParseIsoWithOffset(string text, out DateTimeOffset time)
    {
        time = default;
        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t < 0)
        {
            return false;
        }

        var clock = text.AsSpan(t + 1);
        var hasOffset = clock.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || clock.IndexOfAny('+', '-') >= 0;
        if (!hasOffset || !DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        time = parsed.ToUniversalTime();
        return true;
    }
}
