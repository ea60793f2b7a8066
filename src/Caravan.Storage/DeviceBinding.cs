using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;

namespace Caravan.Storage;

/// <summary>
/// A device fixed to a container of a shipment from <see cref="From"/> until <see cref="To"/> (exclusive; null while
/// in force), so that what the device reports in that period belongs to that shipment.
/// </summary>
public sealed record DeviceBinding(DeviceId Device, ShipmentId Shipment, ContainerNumber Container, DateTimeOffset From, DateTimeOffset? To)
{
    /// <summary>Whether the binding is in force at <paramref name="at"/>.</summary>
    public bool Covers(DateTimeOffset at) => From <= at && (To is null || at < To);
}
