using System.Diagnostics;
using System.Globalization;
using Caravan.Benchmarks.Latency;

namespace Caravan.Load;

/// <summary>
/// The two ceilings in one run: Caravan's sustained maximum of durable, acknowledged messages, then plain
/// Mosquitto's with one subscriber, from the same raw-socket generator (MQTTnet-encoded packets rewritten in place,
/// closed loop: every connection keeps <see cref="MqttLoadOptions.Window"/> QoS 1 messages in flight) — and their
/// ratio. The generator's CPU per message is reported beside each broker's so a reader sees the generator was not
/// the limit.
/// </summary>
public sealed class MqttCeiling(MqttLoadOptions options, TextWriter output)
{
    private const string TopicFilter = "caravan/devices/+/telemetry";

    /// <summary>How long the run waits after the measured window for the last PUBACKs before it closes the connections.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        MqttLoad.OpenFilesFor(options.Connections);
        var loadBefore = MqttLoad.LoadAverage();
        var mqttPort = ServerProcess.FreePort();
        Ceiling caravan;
        (long Stored, long Acked, int Devices) verified;
        await using (var server = await ServerProcess.StartAsync(options.CaravanDll, cancellationToken, "--mqtt-port", mqttPort.ToString(CultureInfo.InvariantCulture)))
        {
            using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromMinutes(5) };
            var fleet = new MqttFleet(http);
            await fleet.ActAsOwnerAsync(server.AdminToken, cancellationToken);
            var devices = await fleet.RegisterAsync(options.Devices, cancellationToken);
            MqttLoad.Progress($"registered {devices.Length} devices");
            caravan = await MeasureAsync("Caravan", mqttPort, server.ProcessId, devices[..options.Connections], options.CaravanWindow, subscriber: null, cancellationToken);
            verified = await fleet.VerifyAsync([.. caravan.Publishers.Select(p => (p.Device.Id, p.AcknowledgedReadings))], cancellationToken);
        }

        Ceiling? mosquitto = null;
        string? mosquittoVersion = null;
        if (options.Mosquitto is { } path)
        {
            await using var broker = await MosquittoProcess.StartAsync(path, cancellationToken);
            mosquittoVersion = broker.Version;
            var subscriber = await RawMqttConnection.ConnectAsync(broker.Port, "load-subscriber", null, null, cancellationToken);
            await subscriber.SubscribeAsync(TopicFilter, cancellationToken);
            var devices = Enumerable.Range(0, options.Connections).Select(i => new MqttDevice(i, string.Create(CultureInfo.InvariantCulture, $"load-{i:D6}"), string.Empty)).ToArray();
            mosquitto = await MeasureAsync("Mosquitto", broker.Port, broker.ProcessId, devices, options.Window, new CountingSubscriber(subscriber), cancellationToken);
        }

        Report(loadBefore, caravan, verified, mosquitto, mosquittoVersion);
        return caravan.AckedPerSecond > 0 ? 0 : 1;
    }

    private async Task<Ceiling> MeasureAsync(string name, int port, int processId, MqttDevice[] devices, int inFlight, CountingSubscriber? subscriber, CancellationToken cancellationToken)
    {
        var anonymous = subscriber is not null;
        var connections = new RawMqttConnection[devices.Length];
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (device, ct) =>
            connections[device.Index - devices[0].Index] = await RawMqttConnection.ConnectAsync(port, device.Id, anonymous ? null : device.Id, anonymous ? null : device.Token, ct));
        MqttLoad.Progress($"{name}: connected {connections.Length} devices; {options.WarmUpSeconds} s warm-up, {options.Seconds} s measured");
        try
        {
            var packets = new MqttPackets();
            var baseTime = DateTime.UtcNow.AddHours(-1);
            var publishers = devices.Select((d, i) => new CeilingPublisher(connections[i], d, TelemetryPublish.Create(packets, d, options.ReadingsPerMessage), inFlight, baseTime)).ToArray();
            var start = Stopwatch.GetTimestamp();
            var window = new MeasuredWindow(start + (options.WarmUpSeconds * Stopwatch.Frequency), start + ((options.WarmUpSeconds + options.Seconds) * Stopwatch.Frequency));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var subscribing = subscriber is null ? Task.CompletedTask : Task.Run(() => subscriber.RunAsync(window, stop.Token), CancellationToken.None);
            var publishing = Task.WhenAll(publishers.Select(p => Task.Run(() => p.RunAsync(window, stop.Token), CancellationToken.None)));

            await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), window.From), cancellationToken);
            var (brokerFrom, ownFrom) = (ProcessMemory.CpuTime(processId), Environment.CpuUsage.TotalTime);
            await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), window.Until), cancellationToken);
            var (brokerCpu, ownCpu) = (ProcessMemory.CpuTime(processId) - brokerFrom, Environment.CpuUsage.TotalTime - ownFrom);
            var resident = ProcessMemory.Of(processId);
            MqttLoad.Progress($"{name}: measured; waiting for the last PUBACKs");

            stop.CancelAfter(Drain);
            await publishing;
            if (subscriber is not null)
            {
                // The subscriber may still be reading what the broker relayed before the last PUBACK.
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                await stop.CancelAsync();
                await subscribing;
            }

            return new Ceiling(name, inFlight, publishers, subscriber, window.Seconds, brokerCpu, ownCpu, resident, options.ReadingsPerMessage);
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection?.Dispose();
            }
        }
    }

    private void Report(string loadBefore, Ceiling caravan, (long Stored, long Acked, int Devices) verified, Ceiling? mosquitto, string? mosquittoVersion)
    {
        string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
        output.WriteLine(Line($"# MQTT ceilings ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average before: {loadBefore})"));
        output.WriteLine();
        output.WriteLine(Line($"Closed loop: {options.Connections:N0} connections (one device each), each keeping a window of QoS 1 messages of {options.ReadingsPerMessage} reading(s) in flight, {options.WarmUpSeconds} s warm-up, {options.Seconds} s measured; raw sockets writing MQTTnet-encoded MQTT 5 packets."));
        output.WriteLine();
        output.WriteLine("| broker | window | acked msg/s | acked readings/s | PUBACK p50 | p99 | max | rejected | left in flight | failed connections | broker CPU µs/msg | broker cores busy | generator CPU µs/msg | generator cores busy | broker RSS |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Row("Caravan (embedded MQTTnet, durable)", caravan);
        if (mosquitto is not null)
        {
            Row($"Mosquitto {mosquittoVersion} (memory, 1 subscriber at QoS 0)", mosquitto);
        }

        output.WriteLine();
        output.WriteLine(Line($"Caravan: {verified.Stored:N0} readings stored of {verified.Acked:N0} acknowledged, in the tracks of {verified.Devices} devices."));
        foreach (var run in new[] { caravan, mosquitto }.OfType<Ceiling>())
        {
            if (run.Publishers.Select(p => p.FirstRejection).FirstOrDefault(r => r is not null) is { } rejection)
            {
                output.WriteLine(Line($"{run.Name}: first rejection: {rejection}"));
            }

            if (run.Publishers.Select(p => p.Failure).FirstOrDefault(f => f is not null) is { } failure)
            {
                output.WriteLine(Line($"{run.Name}: first failure: {failure}"));
            }
        }

        if (mosquitto is not null)
        {
            var subscriber = mosquitto.Subscriber!;
            output.WriteLine(Line($"Mosquitto's subscriber received {subscriber.Received:N0} messages over the run ({subscriber.ReceivedInWindow / mosquitto.Seconds:N0}/s while measured) of {mosquitto.Publishers.Sum(p => p.Sent):N0} published{(subscriber.Failure is null ? string.Empty : $"; {subscriber.Failure}")}."));
            output.WriteLine(Line($"Ratio Caravan / Mosquitto of the acknowledged rate: **{caravan.AckedPerSecond / mosquitto.AckedPerSecond:F2}** (PUBACK p50 {Percentiles.Of(caravan.Latencies, 50) / Percentiles.Of(mosquitto.Latencies, 50):F1}×, p99 {Percentiles.Of(caravan.Latencies, 99) / Percentiles.Of(mosquitto.Latencies, 99):F1}×)."));
        }
    }

    private void Row(string name, Ceiling run) => output.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {run.Window} | **{run.AckedPerSecond:N0}** | {run.AckedPerSecond * run.ReadingsPerMessage:N0} | {Percentiles.Of(run.Latencies, 50):F1} ms | {Percentiles.Of(run.Latencies, 99):F1} ms | {(run.Latencies.Count == 0 ? double.NaN : run.Latencies.Max()):F0} ms | {run.Publishers.Sum(p => p.Rejected):N0} | {run.Publishers.Sum(p => p.LeftInFlight):N0} | {run.Publishers.Count(p => p.Failure is not null):N0} | {run.BrokerCpu.TotalMicroseconds / run.Acked:N1} | {run.BrokerCpu.TotalSeconds / run.Seconds:F2} | {run.GeneratorCpu.TotalMicroseconds / run.Acked:N1} | {run.GeneratorCpu.TotalSeconds / run.Seconds:F2} | {run.Resident.ResidentBytes / 1048576.0:N0} MB |"));

    /// <summary>What one broker did in the measured window.</summary>
    private sealed record Ceiling(
        string Name, int Window, CeilingPublisher[] Publishers, CountingSubscriber? Subscriber, double Seconds, TimeSpan BrokerCpu, TimeSpan GeneratorCpu, ProcessMemory Resident, int ReadingsPerMessage)
    {
        public long Acked { get; } = Publishers.Sum(p => p.AckedInWindow);

        public double AckedPerSecond => Acked / Seconds;

        public IReadOnlyList<double> Latencies { get; } = [.. Publishers.SelectMany(p => p.Latencies)];
    }
}
