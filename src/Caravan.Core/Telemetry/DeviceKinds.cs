using System.Diagnostics.CodeAnalysis;

namespace Caravan.Core.Telemetry;

/// <summary>The text of a <see cref="DeviceKind"/> in the API and the store: <c>gps-tracker</c>, <c>reefer-controller</c>, <c>phone</c>.</summary>
public static class DeviceKinds
{
    /// <summary>Every kind's text, comma-separated, for error messages.</summary>
    public static string All => string.Join(", ", Enum.GetValues<DeviceKind>().Select(Text));

    public static string Text(DeviceKind kind) => kind switch
    {
        DeviceKind.GpsTracker => "gps-tracker",
        DeviceKind.ReeferController => "reefer-controller",
        DeviceKind.Phone => "phone",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a device kind."),
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out DeviceKind kind)
    {
        foreach (var candidate in Enum.GetValues<DeviceKind>())
        {
            if (string.Equals(Text(candidate), text, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
