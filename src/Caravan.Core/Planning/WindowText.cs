using System.Globalization;

namespace Caravan.Core.Planning;

/// <summary>A departure window or horizon as a person reads it: "1 day", "2.5 days", "12 hours", "30 minutes".</summary>
public static class WindowText
{
    public static string Of(TimeSpan span)
    {
        var (amount, unit) = span.TotalDays >= 1 ? (span.TotalDays, "day")
            : span.TotalHours >= 1 ? (span.TotalHours, "hour")
            : (span.TotalMinutes, "minute");
        var text = Math.Round(amount, 1).ToString("0.#", CultureInfo.InvariantCulture);
        return $"{text} {unit}{(text == "1" ? string.Empty : "s")}";
    }
}
