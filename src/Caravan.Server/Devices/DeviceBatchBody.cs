namespace Caravan.Server.Devices;

/// <summary>A fleet to register at once (<c>POST /api/devices/batch</c>): up to 1,000 devices, each as for <c>POST /api/devices</c>.</summary>
public sealed record DeviceBatchBody
{
    public IReadOnlyList<DeviceBody?>? Devices { get; init; }
}
