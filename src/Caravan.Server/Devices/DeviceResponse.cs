using Caravan.Core.Telemetry;
using Caravan.Storage;

namespace Caravan.Server.Devices;

/// <summary>
/// A device as the API describes it. <see cref="Token"/> holds the device's HTTP token only in the answer that
/// registered it; it is stored hashed and never shown again.
/// </summary>
public sealed record DeviceResponse(string Id, string Owner, string Kind, string? Label, DateTimeOffset CreatedAt, string? Token)
{
    public static DeviceResponse From(DeviceInfo info, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new DeviceResponse(info.Id.Value, info.Owner.Value, DeviceKinds.Text(info.Kind), info.Label, info.CreatedAt, token);
    }
}
