using Caravan.Cli.Commands;
using Caravan.Core.Simulation;
using MQTTnet;
using MQTTnet.Protocol;

namespace Caravan.Cli.Simulation;

/// <summary>
/// Publishes each batch to <c>caravan/devices/{id}/telemetry</c> at QoS 1, one MQTT connection per device with the
/// device id as user name and its token as password, as a tracker does; a PUBACK counts the batch sent.
/// </summary>
public sealed class MqttReadingSender(string host, int port) : ReadingSender
{
    private readonly Dictionary<string, IMqttClient> _clients = new(StringComparer.Ordinal);
    private readonly MqttClientFactory _factory = new();

    public override string Transport => "mqtt";

    public override async Task OpenAsync(IReadOnlyList<SimulatedShipment> shipments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipments);
        foreach (var shipment in shipments)
        {
            var device = shipment.Tracker.Device.Value;
            var client = _factory.CreateMqttClient();
            _clients[device] = client;
            var options = new MqttClientOptionsBuilder()
                .WithTcpServer(host, port)
                .WithClientId(device)
                .WithCredentials(device, shipment.DeviceToken)
                .WithCleanSession()
                .WithTimeout(TimeSpan.FromSeconds(10))
                .Build();
            MqttClientConnectResult result;
            try
            {
                result = await client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (MQTTnet.Adapter.MqttConnectingFailedException e)
            {
                throw new SimulationFailure(EventPostCommand.Refused, $"the MQTT broker {host}:{port} refused device {device}: {e.Message}");
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or System.Net.Sockets.SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new SimulationFailure(EventPostCommand.Unreachable, $"cannot reach the MQTT broker {host}:{port}: {e.Message}");
            }

            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new SimulationFailure(EventPostCommand.Refused, $"the MQTT broker {host}:{port} refused device {device}: {result.ResultCode}");
            }
        }
    }

    public override async Task SendAsync(SimulatedShipment shipment, FleetBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(batch);
        var device = shipment.Tracker.Device.Value;
        var message = new MqttApplicationMessageBuilder()
            .WithTopic($"caravan/devices/{device}/telemetry")
            .WithPayload(Payload(batch))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            var result = await _clients[device].PublishAsync(message, cancellationToken).ConfigureAwait(false);
            var ok = result.IsSuccess;
            Count(ok ? batch.Readings.Count : 0, 0, ok ? 0 : batch.Readings.Count);
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException)
        {
            throw new SimulationFailure(EventPostCommand.Unreachable, $"lost the MQTT broker {host}:{port}: {e.Message}");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync().ConfigureAwait(false);
            }

            client.Dispose();
        }

        _clients.Clear();
    }
}
