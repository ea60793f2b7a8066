using System.Net.Http.Headers;
using Caravan.Core.Simulation;

namespace Caravan.Cli.Simulation;

/// <summary>Posts each batch to <c>POST /api/telemetry</c> with the device's own token; a 202 counts it sent once durable.</summary>
public sealed class HttpReadingSender(CaravanApi api) : ReadingSender
{
    public override string Transport => "http";

    public override Task OpenAsync(IReadOnlyList<SimulatedShipment> shipments, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task SendAsync(SimulatedShipment shipment, FleetBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(batch);
        var content = new ByteArrayContent(Payload(batch));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var answer = await api.SendAsync($"posting readings of {shipment.Tracker.Device}", HttpMethod.Post, "api/telemetry", content, cancellationToken, shipment.DeviceToken)
            .ConfigureAwait(false);
        var accepted = answer?["accepted"]?.GetValue<long>() ?? 0;
        var duplicates = answer?["duplicates"]?.GetValue<long>() ?? 0;
        var rejected = answer?["rejected"]?.GetValue<long>() ?? 0;
        Count(accepted + duplicates, duplicates, rejected);
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
