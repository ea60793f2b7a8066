using Caravan.Server.Telemetry;

namespace Caravan.Server.Live;

/// <summary>The data of a live <c>position</c> event: the device, the shipment and container it is bound to, and the reading.</summary>
public sealed record LivePosition(string Device, string Shipment, string Container, ReadingResponse Reading);
