using System.Globalization;

namespace Caravan.Cli.Input;

/// <summary>A departure date, with an optional time, always in UTC: 2026-12-01, 2026-12-01T08:00 (a trailing Z is accepted).</summary>
public static class DepartureText
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
    ];

    public static bool TryParse(string? text, out DateTimeOffset departure)
    {
        departure = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.EndsWith('Z') || trimmed.EndsWith('z'))
        {
            trimmed = trimmed[..^1];
        }

        if (!DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            || time.Year < 2001 || time.Year > 3000)
        {
            return false;
        }

        departure = new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));
        return true;
    }

    /// <summary>The default departure: tomorrow at 00:00 UTC by <paramref name="clock"/>.</summary>
    public static DateTimeOffset Tomorrow(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
    }
}
