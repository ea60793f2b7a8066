using Caravan.Core.Geography;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;

namespace Caravan.Server.Progress;

/// <summary>
/// The destination estimate of a shipment moved (by more than the threshold) and a new EST event was written.
/// <see cref="Promised"/> is the arrival promised to the customer, when the shipment has one (bookings carry none yet,
/// so it is null); <see cref="SlipsPastPromise"/> says whether the P50 is now later than it.
/// </summary>
public sealed record EtaNotice(
    ShipmentId Shipment,
    ContainerNumber Container,
    DeviceId Device,
    Locode Destination,
    DateTimeOffset P50,
    DateTimeOffset P90,
    DateTimeOffset? PreviousP50,
    DateTimeOffset? Promised)
{
    /// <summary>True when there is a promised arrival and the P50 is later than it.</summary>
    public bool SlipsPastPromise => Promised is { } promised && P50 > promised;
}
