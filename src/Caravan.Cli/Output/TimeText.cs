using System.Globalization;

namespace Caravan.Cli.Output;

/// <summary>Times and spans as the tables show them: UTC, to the minute, labelled.</summary>
public static class TimeText
{
    /// <summary>e.g. 2026-12-01 08:00 (the column header says UTC).</summary>
    public static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>e.g. 2d 04h, 5h 30m, 45m.</summary>
    public static string Span(TimeSpan span)
    {
        if (span.TotalDays >= 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours:00}h");
        }

        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m");
    }

    /// <summary>A moment for JSON: ISO 8601 in UTC with a Z, to the second.</summary>
    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
