using System.Collections.Concurrent;
using Caravan.Core.Telemetry;
using Caravan.Server.Telemetry;
using Caravan.Storage;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Caravan.Server.Mqtt;

/// <summary>
/// Telemetry from an external broker (Mosquitto, EMQX) that authenticates the devices: Caravan subscribes to
/// <c>caravan/devices/+/telemetry</c> at QoS 1 with a persistent session, stores each message's readings for a
/// registered device, and acknowledges the message only once they are durable. A message Caravan could not store is
/// left unacknowledged and the session is resumed, so the broker delivers it again; one that can never be stored
/// (unknown device, malformed) is acknowledged, counted and logged.
/// </summary>
public sealed class ExternalMqttSubscriber(
    IOptions<MqttOptions> options, IDeviceStore devices, TelemetryIntake intake, ILogger<ExternalMqttSubscriber> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<DeviceId, bool> _registered = new();
    private readonly ConcurrentDictionary<Task, bool> _inFlight = new();
    private IMqttClient? _client;

    /// <summary>True while connected and subscribed to the external broker.</summary>
    public bool IsSubscribed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Mode != MqttMode.External)
        {
            return;
        }

        var (host, port) = settings.BrokerEndpoint();
        var broker = $"{host}:{port}";
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(settings.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)settings.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30));
        if (!string.IsNullOrEmpty(settings.Username))
        {
            builder = builder.WithCredentials(settings.Username, settings.Password);
        }

        var clientOptions = builder.Build();
        using var client = new MqttClientFactory().CreateMqttClient();
        _client = client;
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        client.DisconnectedAsync += e =>
        {
            IsSubscribed = false;
            if (!stoppingToken.IsCancellationRequested)
            {
                Log.MqttExternalDisconnected(logger, broker, e.ReasonString ?? e.Reason.ToString());
            }

            return Task.CompletedTask;
        };

        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!client.IsConnected)
            {
                try
                {
                    var connected = await client.ConnectAsync(clientOptions, stoppingToken).ConfigureAwait(false);
                    var subscribe = new MqttClientSubscribeOptionsBuilder()
                        .WithTopicFilter(f => f.WithTopic(MqttOptions.TelemetryTopicFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                        .Build();
                    await client.SubscribeAsync(subscribe, stoppingToken).ConfigureAwait(false);
                    IsSubscribed = true;
                    Log.MqttExternalSubscribed(logger, MqttOptions.TelemetryTopicFilter, broker, settings.ClientId, connected.IsSessionPresent);
                    delay = TimeSpan.FromSeconds(1);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is MqttCommunicationException or MQTTnet.Adapter.MqttConnectingFailedException or InvalidOperationException)
                {
                    Log.MqttExternalUnreachable(logger, broker, delay, e);
                    await Delay(delay, stoppingToken).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
                    continue;
                }
            }

            await Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
        }

        // Stopping: finish what was received (the pipeline is still running), then leave the session for next time.
        await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None)
                .ConfigureAwait(false);
        }

        IsSubscribed = false;
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        // Acknowledged by HandleAsync once durable; returning at once lets the client read the next message meanwhile.
        e.AutoAcknowledge = false;
        var handling = HandleAsync(e);
        _inFlight.TryAdd(handling, true);
        _ = handling.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    private async Task HandleAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        if (!DeviceTopics.TryParseTelemetry(topic, out var device))
        {
            intake.Refuse("?", "topic", "topic", $"'{topic}' is not a device telemetry topic.");
            await AcknowledgeAsync(e).ConfigureAwait(false);
            return;
        }

        if (!await IsRegisteredAsync(device).ConfigureAwait(false))
        {
            intake.Refuse(device.Value, "topic", "device", $"'{device}' is not a registered device.");
            await AcknowledgeAsync(e).ConfigureAwait(false);
            return;
        }

        var parsed = intake.ParseJson(device, e.ApplicationMessage.Payload, out var rejected);
        if (parsed.Readings.Count > 0)
        {
            try
            {
                await intake.StoreAsync(device, parsed.Readings, rejected, CancellationToken.None).ConfigureAwait(false);
            }
            catch (IngestionUnavailableException unavailable)
            {
                // Not acknowledged: drop the connection so the broker delivers the message again on the resumed session.
                Log.MqttNotAcknowledged(logger, device.Value, unavailable.Message);
                await ReconnectAsync().ConfigureAwait(false);
                return;
            }
        }

        await AcknowledgeAsync(e).ConfigureAwait(false);
    }

    private async Task<bool> IsRegisteredAsync(DeviceId device)
    {
        if (_registered.ContainsKey(device))
        {
            return true;
        }

        // Devices are never deleted, so a device found once stays registered; an unknown one is looked up each time.
        if (await devices.FindAsync(device, CancellationToken.None).ConfigureAwait(false) is null)
        {
            return false;
        }

        _registered.TryAdd(device, true);
        return true;
    }

    private async Task AcknowledgeAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        try
        {
            await e.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or InvalidOperationException or ObjectDisposedException)
        {
            // The connection dropped before the PUBACK: the broker delivers the message again, and the duplicate is ignored.
            Log.MqttExternalDisconnected(logger, options.Value.Broker ?? "?", ex.Message);
        }
    }

    private async Task ReconnectAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.UnspecifiedError).Build(), CancellationToken.None)
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MqttCommunicationException or InvalidOperationException or ObjectDisposedException)
            {
                Log.MqttExternalDisconnected(logger, options.Value.Broker ?? "?", ex.Message);
            }
        }
    }

    // Real time, not the injected clock: this paces network retries, not domain time.
    private static async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
