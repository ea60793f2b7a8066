using System.Text.Json;
using Caravan.Core.Simulation;
using Caravan.Server.Telemetry;

namespace Caravan.Cli.Simulation;

/// <summary>
/// Sends a virtual tracker's readings the way a real tracker would, over HTTP or MQTT, each batch as the JSON payload of
/// docs/telemetry.md (one object, or an array for several readings).
/// </summary>
public abstract class ReadingSender : IAsyncDisposable
{
    /// <summary>"http" or "mqtt", for the summary.</summary>
    public abstract string Transport { get; }

    /// <summary>Readings sent and acknowledged so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Readings the server counted as already stored (HTTP only).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Readings refused, or sent without an acknowledgement.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    private long _sent;
    private long _duplicates;
    private long _failed;

    /// <summary>Prepares the sender for the fleet's devices (MQTT: connects each one).</summary>
    public abstract Task OpenAsync(IReadOnlyList<SimulatedShipment> shipments, CancellationToken cancellationToken);

    public abstract Task SendAsync(SimulatedShipment shipment, FleetBatch batch, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>The JSON payload of <paramref name="batch"/>: one reading object, or an array of them.</summary>
    public static byte[] Payload(FleetBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var readings = batch.Readings.Select(ReadingResponse.Of).ToList();
        return readings.Count == 1
            ? JsonSerializer.SerializeToUtf8Bytes(readings[0], CaravanApi.Json)
            : JsonSerializer.SerializeToUtf8Bytes(readings, CaravanApi.Json);
    }

    protected void Count(long sent, long duplicates, long failed)
    {
        Interlocked.Add(ref _sent, sent);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Add(ref _failed, failed);
    }
}
