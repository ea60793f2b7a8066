using Caravan.Core.Geography;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;

namespace Caravan.Server.Progress;

/// <summary>
/// A container has stayed at a terminal longer than the P90 of its stay there: the planned stay (from the itinerary's
/// arrival to its departure, which holds the median dwell, handling and the wait for the service) plus the terminal's
/// spread of dwell (P90 − P50). Raised once per visit, when a reading shows it.
/// </summary>
/// <param name="Shipment">The shipment.</param>
/// <param name="Container">The container the device is on.</param>
/// <param name="Device">The device whose readings show it.</param>
/// <param name="Terminal">Where the container is.</param>
/// <param name="ArrivedAt">When it arrived there.</param>
/// <param name="P90Stay">The P90 of the stay it has passed.</param>
/// <param name="ObservedAt">The time of the reading that showed it.</param>
public sealed record DwellNotice(
    ShipmentId Shipment, ContainerNumber Container, DeviceId Device, Locode Terminal, DateTimeOffset ArrivedAt, TimeSpan P90Stay, DateTimeOffset ObservedAt);
