using Caravan.Storage;

namespace Caravan.Server.Devices;

/// <summary>A device's binding to a shipment's container for [from, to); <c>to</c> is null while it is in force.</summary>
public sealed record BindingResponse(string Device, string Shipment, string Container, DateTimeOffset From, DateTimeOffset? To)
{
    public static BindingResponse Of(DeviceBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new BindingResponse(binding.Device.Value, binding.Shipment.Value, binding.Container.Value, binding.From, binding.To);
    }
}
