using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;

namespace Caravan.Storage;

/// <summary>
/// The progress engine's state per (device, shipment), kept as the server's JSON so that progress survives a restart
/// without re-reading the whole track or writing an observation twice.
/// </summary>
public interface IProgressStore
{
    /// <summary>The stored state JSON; null when none was saved.</summary>
    Task<string?> FindAsync(DeviceId device, ShipmentId shipment, CancellationToken cancellationToken);

    /// <summary>The state JSON saved last for <paramref name="shipment"/>, over all its devices; null when none was saved.</summary>
    Task<string?> LatestAsync(ShipmentId shipment, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="stateJson"/> in place of what was stored; durable when the task completes.</summary>
    Task SaveAsync(DeviceId device, ShipmentId shipment, string stateJson, DateTimeOffset updatedAt, CancellationToken cancellationToken);
}
