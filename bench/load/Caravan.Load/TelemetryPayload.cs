using System.Globalization;
using System.Text;

namespace Caravan.Load;

/// <summary>The telemetry a load device publishes (docs/telemetry.md): one reading, or a JSON array of them.</summary>
internal static class TelemetryPayload
{
    /// <summary>The format of every reading's time: always 24 characters, so a pre-encoded payload's times can be rewritten in place.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public const int TimeLength = 24;

    /// <summary>Readings a millisecond apart from <paramref name="baseTime"/> by the device's sequence, so each (device, time) is new.</summary>
    public static byte[] Build(int device, DateTimeOffset baseTime, long first, int count)
    {
        var text = new StringBuilder(count * 120);
        if (count > 1)
        {
            text.Append('[');
        }

        for (var i = 0; i < count; i++)
        {
            var n = first + i;
            text.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : string.Empty)}{{\"time\":\"{baseTime.UtcDateTime.AddMilliseconds(n).ToString(TimeFormat, CultureInfo.InvariantCulture)}\",\"lat\":{40 + (device % 1000 / 100.0):F4},\"lon\":{50 + (n % 1000 / 1000.0):F4},\"speed\":{n % 90},\"heading\":{n % 360},\"temperature\":4.5,\"battery\":{87 - (n % 50)}}}");
        }

        if (count > 1)
        {
            text.Append(']');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
