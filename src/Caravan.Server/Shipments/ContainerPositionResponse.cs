using Caravan.Server.Telemetry;

namespace Caravan.Server.Shipments;

/// <summary>
/// Where a container of a shipment was last seen: the device bound to it, the binding's period (<see cref="To"/>
/// null while in force) and the device's newest reading within it (null before the first).
/// </summary>
public sealed record ContainerPositionResponse(string Device, string Container, DateTimeOffset From, DateTimeOffset? To, ReadingResponse? Reading);
