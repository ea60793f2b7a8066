using System.Net;
using System.Net.Sockets;
using Caravan.Core.Telemetry;
using Caravan.Server.Telemetry;
using Caravan.Storage;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Caravan.Server.Mqtt;

/// <summary>
/// The MQTT broker inside <c>caravan serve</c> (MQTTnet). A device connects with its id as user name and its device
/// token as password, publishes its readings to <c>caravan/devices/{its id}/telemetry</c>, and gets the QoS 1 PUBACK
/// only once they are durable: MQTTnet sends the PUBACK after the publish interceptor returns, and the interceptor
/// awaits the <see cref="ReadingPipeline"/>. Telemetry is stored, not relayed: nothing may subscribe.
/// </summary>
public sealed class EmbeddedMqttBroker(
    IOptions<MqttOptions> options, IDeviceStore devices, TelemetryIntake intake, ILogger<EmbeddedMqttBroker> logger) : IHostedService, IDisposable
{
    private const string DeviceItem = "caravan.device";
    private const int MaxReasonLength = 200;

    private MqttServer? _server;
    private LimitedTcpServerAdapter? _adapter;

    /// <summary>The port the broker listens on; null when it is not running.</summary>
    public int? Port => _server is { IsStarted: true } ? _adapter?.Port : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Mode != MqttMode.Embedded)
        {
            return;
        }

        var endpoint = new IPEndPoint(IPAddress.Parse(settings.Address), settings.Port);
        _adapter = new LimitedTcpServerAdapter(endpoint, settings.MaxPacketBytes, PacketTooLarge);
        var serverOptions = new MqttServerOptionsBuilder().WithoutDefaultEndpoint().Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions, [_adapter]);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += RefuseSubscriptionAsync;
        try
        {
            await _server.StartAsync().ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new IOException(
                $"cannot listen for MQTT on {settings.Address}:{settings.Port}: {e.Message}. Choose another port with --mqtt-port N ({MqttOptions.SectionName}:Port), or turn MQTT off with --mqtt-port off.",
                e);
        }

        Log.MqttBrokerStarted(logger, settings.Address, _adapter.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true } server)
        {
            await server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
        }
    }

    /// <summary>Disposes the broker, which disposes its listener.</summary>
    public void Dispose() => _server?.Dispose();

    private async Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        string? refusal = null;
        DeviceInfo? device = null;
        if (!DeviceId.TryParse(e.UserName, out var id))
        {
            refusal = "The user name must be the device id.";
        }
        else if (string.IsNullOrEmpty(e.Password))
        {
            refusal = "The password must be the device's token.";
        }
        else
        {
            device = await devices.FindByTokenAsync(e.Password, e.CancellationToken).ConfigureAwait(false);
            if (device is null || device.Id != id)
            {
                refusal = "The user name and password are not a registered device's id and token.";
            }
        }

        if (refusal is not null || device is null)
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            e.ReasonString = refusal;
            Log.MqttConnectionRefused(logger, e.ReasonCode.ToString(), Printable(e.UserName), e.RemoteEndPoint?.ToString() ?? "?", refusal ?? string.Empty);
            return;
        }

        e.SessionItems[DeviceItem] = device.Id;
        if (string.IsNullOrEmpty(e.ClientId))
        {
            // A client may leave its id to the server (MQTT 3.1.1 §3.1.3.1, 5.0 §3.1.3.1): name it after the device.
            e.AssignedClientIdentifier = $"{device.Id}-{Guid.NewGuid():N}";
        }
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        // Telemetry is stored, never routed to subscribers (there are none) or retained.
        e.ProcessPublish = false;
        if (e.SessionItems[DeviceItem] is not DeviceId device)
        {
            e.CloseConnection = true;
            return;
        }

        var topic = e.ApplicationMessage.Topic;
        var own = DeviceTopics.Telemetry(device);
        if (!string.Equals(topic, own, StringComparison.Ordinal))
        {
            var reason = $"Device {device} may publish only to {own}.";
            intake.Refuse(device.Value, "topic", "topic", reason);
            Log.MqttPublishRefused(logger, device.Value, Printable(topic), reason);
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            e.Response.ReasonString = reason;
            return;
        }

        var parsed = intake.ParseJson(device, e.ApplicationMessage.Payload, out var rejected);
        if (parsed.Readings.Count == 0)
        {
            // MQTT 5 clients learn why; MQTT 3.1.1 has no negative PUBACK, so the message is dropped (resending it
            // could never succeed), counted and logged.
            e.Response.ReasonCode = MqttPubAckReasonCode.PayloadFormatInvalid;
            e.Response.ReasonString = Shorten(string.Join("; ", parsed.Problems));
            return;
        }

        try
        {
            await intake.StoreAsync(device, parsed.Readings, rejected, e.CancellationToken).ConfigureAwait(false);
        }
        catch (IngestionUnavailableException unavailable)
        {
            // No PUBACK: the connection closes and the device sends the message again.
            Log.MqttNotAcknowledged(logger, device.Value, unavailable.Message);
            e.CloseConnection = true;
            return;
        }

        if (rejected > 0)
        {
            e.Response.ReasonString = Shorten($"{rejected} readings rejected: {string.Join("; ", parsed.Problems)}");
        }
    }

    private Task RefuseSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        e.ProcessSubscription = false;
        e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        return Task.CompletedTask;
    }

    private void PacketTooLarge(long bytes, string endpoint)
    {
        intake.Refuse("?", "$", "size", $"An MQTT packet of {bytes} bytes from {endpoint} exceeds {options.Value.MaxPacketBytes} bytes.");
        Log.MqttPacketTooLarge(logger, bytes, endpoint, options.Value.MaxPacketBytes);
    }

    private static string Shorten(string text) => text.Length <= MaxReasonLength ? text : text[..(MaxReasonLength - 1)] + "…";

    private static string Printable(string? text) => text is null ? "(none)" : Shorten(new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]));
}
