using Caravan.Core.Telemetry;

namespace Caravan.Server.Mqtt;

/// <summary>The telemetry topic of a device, <c>caravan/devices/{deviceId}/telemetry</c>, both ways.</summary>
public static class DeviceTopics
{
    private const string Prefix = "caravan/devices/";
    private const string Suffix = "/telemetry";

    /// <summary>The topic <paramref name="device"/> publishes its telemetry to.</summary>
    public static string Telemetry(DeviceId device) => Prefix + device.Value + Suffix;

    /// <summary>The device whose telemetry topic <paramref name="topic"/> is; false for any other topic.</summary>
    public static bool TryParseTelemetry(string? topic, out DeviceId device)
    {
        device = default;
        return topic is not null
            && topic.StartsWith(Prefix, StringComparison.Ordinal)
            && topic.EndsWith(Suffix, StringComparison.Ordinal)
            && topic.Length > Prefix.Length + Suffix.Length
            && DeviceId.TryParse(topic[Prefix.Length..^Suffix.Length], out device);
    }
}
