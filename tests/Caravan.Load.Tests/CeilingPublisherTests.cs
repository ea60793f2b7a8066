using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Caravan.Load.Tests;

/// <summary>The raw publisher and subscriber against MQTTnet's broker, which checks every packet they send.</summary>
public sealed class CeilingPublisherTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<(string Topic, string Time), int> _published = new();
    private MqttServer? _server;
    private int _port;

    public async Task InitializeAsync()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        // The broker queues at most 250 messages for a client by default and then drops the oldest: a subscriber behind
        // by more than that on a busy machine would miss messages the test expects it to count.
        _server = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder()
            .WithDefaultEndpoint().WithDefaultEndpointPort(_port).WithMaxPendingMessagesPerClient(int.MaxValue).Build());
        _server.InterceptingPublishAsync += e =>
        {
            using var json = JsonDocument.Parse(e.ApplicationMessage.Payload.ToArray());
            foreach (var reading in json.RootElement.EnumerateArray())
            {
                _published.AddOrUpdate((e.ApplicationMessage.Topic, reading.GetProperty("time").GetString()!), 1, (_, n) => n + 1);
            }

            if (e.ApplicationMessage.Topic.EndsWith("refused/telemetry", StringComparison.Ordinal))
            {
                e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            }

            return Task.CompletedTask;
        };
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            _server.Dispose();
        }
    }

    [Fact]
    public async Task Publishers_keep_their_window_in_flight_with_new_reading_times_and_the_subscriber_counts_every_message()
    {
        var ct = CancellationToken.None;
        using var subscriberConnection = await RawMqttConnection.ConnectAsync(_port, "subscriber", null, null, ct);
        await subscriberConnection.SubscribeAsync("caravan/devices/+/telemetry", ct);
        var subscriber = new CountingSubscriber(subscriberConnection);
        var devices = new[] { new MqttDevice(0, "load-000000", string.Empty), new MqttDevice(1, "load-000001", string.Empty) };
        var connections = new List<RawMqttConnection>();
        foreach (var device in devices)
        {
            connections.Add(await RawMqttConnection.ConnectAsync(_port, device.Id, device.Id, "secret", ct));
        }

        var packets = new MqttPackets();
        var publishers = devices.Select((d, i) => new CeilingPublisher(connections[i], d, TelemetryPublish.Create(packets, d, 3), 4, DateTime.UtcNow.AddHours(-1))).ToArray();
        var now = Stopwatch.GetTimestamp();
        var window = new MeasuredWindow(now, now + (2 * Stopwatch.Frequency));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var subscribing = subscriber.RunAsync(window, stop.Token);

        await Task.WhenAll(publishers.Select(p => p.RunAsync(window, ct)));
        var sent = publishers.Sum(p => p.Sent);
        var wait = Stopwatch.StartNew();
        while (subscriber.Received < sent && wait.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20, ct);
        }

        await stop.CancelAsync();
        await subscribing;
        connections.ForEach(c => c.Dispose());

        Assert.All(publishers, p => Assert.Null(p.Failure));
        Assert.All(publishers, p => Assert.True(p.Sent > 4, $"{p.Device.Id} sent {p.Sent}: no more than its first window"));
        Assert.Equal(sent * 3, _published.Count);
        Assert.All(_published.Values, n => Assert.Equal(1, n));
        Assert.Equal(sent * 3, publishers.Sum(p => p.AcknowledgedReadings));
        Assert.Equal(publishers.Sum(p => p.AckedInWindow), publishers.Sum(p => p.Latencies.Count));
        Assert.Equal(sent, subscriber.Received);
        Assert.Null(subscriber.Failure);
    }

    [Fact]
    public async Task A_publisher_writes_its_freed_packets_a_quarter_window_at_a_time()
    {
        var ct = CancellationToken.None;
        var device = new MqttDevice(0, "load-000000", string.Empty);
        using var connection = await RawMqttConnection.ConnectAsync(_port, device.Id, null, null, ct);
        var publisher = new CeilingPublisher(connection, device, TelemetryPublish.Create(new MqttPackets(), device, 2), 16, DateTime.UtcNow);
        var now = Stopwatch.GetTimestamp();

        await publisher.RunAsync(new MeasuredWindow(now, now + (2 * Stopwatch.Frequency)), ct);

        Assert.Null(publisher.Failure);
        Assert.True(publisher.Sent > 32, $"only {publisher.Sent} sent");
        // The first write sends the whole window; every later one at least 4 packets, but for the last.
        Assert.InRange(connection.Writes, 2, 1 + ((publisher.Sent - 16) / 4) + 1);
    }

    [Fact]
    public async Task A_refusing_PUBACK_counts_as_rejected_and_its_readings_as_not_acknowledged()
    {
        var ct = CancellationToken.None;
        var device = new MqttDevice(0, "refused", string.Empty);
        using var connection = await RawMqttConnection.ConnectAsync(_port, device.Id, null, null, ct);
        var publisher = new CeilingPublisher(connection, device, TelemetryPublish.Create(new MqttPackets(), device, 2), 2, DateTime.UtcNow);
        var now = Stopwatch.GetTimestamp();

        await publisher.RunAsync(new MeasuredWindow(now, now + Stopwatch.Frequency / 10), ct);

        Assert.True(publisher.Sent > 0);
        Assert.Equal(publisher.Sent, publisher.Rejected);
        Assert.Equal(0, publisher.AcknowledgedReadings);
        Assert.StartsWith("refused: PUBACK reason 0x87", publisher.FirstRejection, StringComparison.Ordinal);
    }
}
