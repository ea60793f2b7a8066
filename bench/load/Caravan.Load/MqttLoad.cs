using System.Diagnostics;
using System.Globalization;
using Caravan.Benchmarks.Latency;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Caravan.Load;

/// <summary>
/// MQTT ingestion under load: registers a fleet with <c>caravan serve</c>, connects devices to its embedded broker
/// (one connection each, with the device's own id and token), and publishes QoS 1 telemetry on a fixed schedule —
/// timing publish → PUBACK (Caravan sends the PUBACK only once the readings are durable), the acknowledged rate, the
/// rejects and the server's resident memory. Then the same publishers at the same rate against plain Mosquitto with
/// one subscriber (in memory, no authentication, no storage): the ceiling of what an MQTT broker does on this machine.
/// </summary>
public sealed class MqttLoad(MqttLoadOptions options, TextWriter output)
{
    private const string TopicFilter = "caravan/devices/+/telemetry";

    /// <summary>Descriptors a process needs beside its connections (assemblies, the database, the listener, pipes).</summary>
    private const int DescriptorsBeside = 300;


    /// <summary>The open-files limit, once it is known to leave room for <paramref name="connections"/> in this process and in the broker.</summary>
    /// <exception cref="ArgumentException">The limit is too low for that many connections.</exception>
    internal static long OpenFilesFor(int connections)
    {
        var limit = ProcessMemory.OpenFilesLimit();
        if (connections + DescriptorsBeside > limit)
        {
            throw new ArgumentException(
                $"--connections {connections} needs about {connections + DescriptorsBeside} open files in this process and as many in the broker it starts, " +
                $"but the limit here is {limit} (ulimit -n); use at most {limit - DescriptorsBeside}, or raise the limit");
        }

        return limit;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (options.Help)
        {
            output.Write(MqttLoadOptions.Usage);
            return 0;
        }

        if (options.Ceiling)
        {
            return await new MqttCeiling(options, output).RunAsync(cancellationToken);
        }

        var limit = OpenFilesFor(options.Connections);

        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(completion, 64));
        var mqttPort = ServerProcess.FreePort();
        await using var server = await ServerProcess.StartAsync(options.CaravanDll, cancellationToken, "--mqtt-port", mqttPort.ToString(CultureInfo.InvariantCulture));
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromMinutes(5) };
        var idle = ProcessMemory.Of(server.ProcessId);
        var fleet = new MqttFleet(http);
        await fleet.ActAsOwnerAsync(server.AdminToken, cancellationToken);

        var registration = Stopwatch.StartNew();
        var devices = await fleet.RegisterAsync(options.Devices, cancellationToken);
        var registerSeconds = registration.Elapsed.TotalSeconds;
        Progress($"registered {devices.Length} devices in {registerSeconds:F1} s");
        var registered = ProcessMemory.Of(server.ProcessId);

        var caravan = await MeasureAsync(mqttPort, server.ProcessId, devices, subscribe: false, cancellationToken);
        var verified = await fleet.VerifyAsync([.. caravan.Fleet.Select(c => (c.Device.Id, Interlocked.Read(ref c.Acknowledged)))], cancellationToken);
        BrokerRun? mosquitto = null;
        string? mosquittoVersion = null;
        if (options.Mosquitto is { } path)
        {
            await using var broker = await MosquittoProcess.StartAsync(path, cancellationToken);
            mosquittoVersion = broker.Version;
            mosquitto = await MeasureAsync(broker.Port, broker.ProcessId, devices, subscribe: true, cancellationToken);
        }

        Report(limit, idle, registered, registerSeconds, caravan, verified, mosquitto, mosquittoVersion);
        return caravan.Connected == 0 ? 1 : 0;
    }

    private void Report(
        long limit, ProcessMemory idle, ProcessMemory registered, double registerSeconds, BrokerRun caravan, (long Stored, long Acked, int Devices) verified, BrokerRun? mosquitto, string? mosquittoVersion)
    {
        string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
        output.WriteLine(Line($"# MQTT ingestion load ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, open files limit {limit}, load average before: {LoadAverage()})"));
        output.WriteLine();
        output.WriteLine(Line($"Target: {options.Rate:N0} QoS 1 messages/s of {options.ReadingsPerMessage} reading(s) from {options.Connections:N0} connections (one device each, own credentials), {options.WarmUpSeconds} s warm-up, {options.Seconds} s measured."));
        output.WriteLine();
        output.WriteLine("| Caravan server | figure |");
        output.WriteLine("|---|---:|");
        output.WriteLine(Line($"| registered devices (`POST /api/devices/batch`, {MqttFleet.RegistrationBatch:N0} a request) | {options.Devices:N0} in {registerSeconds:F1} s ({options.Devices / registerSeconds:N0}/s) |"));
        output.WriteLine(Line($"| RSS started, idle | {Mb(idle.ResidentBytes)} |"));
        output.WriteLine(Line($"| RSS with {options.Devices:N0} devices registered, none connected | {Mb(registered.ResidentBytes)} |"));
        output.WriteLine(Line($"| RSS with {caravan.Connected:N0} connected | {Mb(caravan.AfterConnect.ResidentBytes)} ({PerConnection(caravan)} per connection) |"));
        output.WriteLine(Line($"| RSS peak while measured (VmRSS sampled every 250 ms) / over the whole run (VmHWM) | {Mb(caravan.PeakSampled)} / {Mb(caravan.End.PeakResidentBytes)} |"));
        output.WriteLine(Line($"| acknowledged readings found in the tracks of {verified.Devices} devices after the run | {verified.Stored:N0} stored of {verified.Acked:N0} acknowledged |"));
        output.WriteLine();
        output.WriteLine("| broker | connected | connect s | sent msg | skipped | acked readings/s | PUBACK p50 | p99 | max | rejected | failed | broker CPU µs/msg | devices' CPU µs/msg | peak RSS | RSS per connection |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Row("Caravan (embedded MQTTnet, durable)", caravan);
        if (mosquitto is not null)
        {
            Row($"Mosquitto {mosquittoVersion} (memory, 1 subscriber)", mosquitto);
        }

        output.WriteLine();
        foreach (var run in new[] { caravan, mosquitto })
        {
            if (run?.Connected < options.Connections)
            {
                output.WriteLine(Line($"{run.Name}: {run.Connected:N0} of {options.Connections:N0} connected; first failure: {run.ConnectFailure}"));
            }

            if (run?.Measured.FirstRejection is { } rejection)
            {
                output.WriteLine(Line($"{run.Name}: first rejection: {rejection}"));
            }

            if (run?.Measured.FirstFailure is { } failure)
            {
                output.WriteLine(Line($"{run.Name}: first failure: {failure}"));
            }
        }

        if (mosquitto is not null)
        {
            output.WriteLine(Line($"Mosquitto's subscriber received {mosquitto.Received:N0} of {mosquitto.Warm.AckedMessages + mosquitto.Measured.AckedMessages:N0} acknowledged messages (warm-up and measured)."));
            output.WriteLine(Line($"Ratio Caravan / Mosquitto: acknowledged rate **{caravan.Measured.Rate / mosquitto.Measured.Rate:F2}**, PUBACK p50 {Percentiles.Of(caravan.Measured.Latencies, 50) / Percentiles.Of(mosquitto.Measured.Latencies, 50):F1}×, p99 {Percentiles.Of(caravan.Measured.Latencies, 99) / Percentiles.Of(mosquitto.Measured.Latencies, 99):F1}×."));
        }
    }

    private void Row(string name, BrokerRun run)
    {
        var m = run.Measured;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {run.Connected:N0} | {run.ConnectSeconds:F1} | {m.Sent:N0} | {m.Skipped:N0} | **{m.Rate:N0}** | {Percentiles.Of(m.Latencies, 50):F1} ms | {Percentiles.Of(m.Latencies, 99):F1} ms | {(m.Latencies.Count == 0 ? double.NaN : m.Latencies.Max()):F0} ms | {m.Rejected:N0} | {m.Failed:N0} | {m.BrokerMicrosecondsPerMessage:N0} | {m.GeneratorMicrosecondsPerMessage:N0} | {Mb(run.PeakSampled)} | {PerConnection(run)} |"));
    }

    /// <summary>Where the run is, on standard error (the report goes to standard output).</summary>
    internal static void Progress(FormattableString text) =>
        Console.Error.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {text.ToString(CultureInfo.InvariantCulture)}");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N0} MB");

    private static string PerConnection(BrokerRun run) => run.Connected == 0
        ? "–"
        : string.Create(CultureInfo.InvariantCulture, $"{(run.AfterConnect.ResidentBytes - run.BeforeConnect.ResidentBytes) / 1024.0 / run.Connected:N1} KB");

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private async Task<BrokerRun> MeasureAsync(int port, int processId, MqttDevice[] devices, bool subscribe, CancellationToken cancellationToken)
    {
        var name = subscribe ? "Mosquitto" : "Caravan";
        var factory = new MqttClientFactory();
        long received = 0;
        using var subscriber = factory.CreateMqttClient();
        if (subscribe)
        {
            subscriber.ApplicationMessageReceivedAsync += _ =>
            {
                Interlocked.Increment(ref received);
                return Task.CompletedTask;
            };
            await subscriber.ConnectAsync(ClientOptions(port, "load-subscriber", "load-subscriber", null), cancellationToken);
            await subscriber.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(TopicFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(),
                cancellationToken);
        }

        var before = ProcessMemory.Of(processId);
        var connecting = Stopwatch.StartNew();
        var (fleet, failure) = await ConnectAsync(factory, port, devices[..options.Connections], cancellationToken);
        var connectSeconds = connecting.Elapsed.TotalSeconds;
        Progress($"{name}: connected {fleet.Length} devices in {connectSeconds:F1} s{(failure is null ? string.Empty : $" (stopped at: {failure})")}");
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var connected = ProcessMemory.Of(processId);
        try
        {
            var baseTime = DateTimeOffset.UtcNow.AddHours(-1);
            Progress($"{name}: warming up for {options.WarmUpSeconds} s");
            var warm = options.WarmUpSeconds > 0 ? await DriveAsync(fleet, baseTime, TimeSpan.FromSeconds(options.WarmUpSeconds), processId, cancellationToken) : Phase.Empty;
            Progress($"{name}: measuring for {options.Seconds} s");
            var measured = await DriveAsync(fleet, baseTime, TimeSpan.FromSeconds(options.Seconds), processId, cancellationToken);
            Progress($"{name}: measured");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return new BrokerRun(name, fleet.Length, failure, connectSeconds, before, connected, warm, measured, measured.PeakResident, ProcessMemory.Of(processId), Interlocked.Read(ref received), fleet);
        }
        finally
        {
            await Task.WhenAll(fleet.Select(async f =>
            {
                try
                {
                    await f.Client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
                }
                catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or ObjectDisposedException or InvalidOperationException)
                {
                    // Already gone; nothing to close.
                }

                f.Client.Dispose();
            }));
        }
    }

    private static MqttClientOptions ClientOptions(int port, string clientId, string user, string? password) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithCredentials(user, password)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart()
            .WithKeepAlivePeriod(TimeSpan.FromMinutes(5))
            .WithTimeout(TimeSpan.FromSeconds(60))
            .Build();

    /// <summary>Connects each device, 64 at a time; stops at the first device that cannot connect and answers why.</summary>
    private static async Task<(Connection[] Fleet, string? Failure)> ConnectAsync(MqttClientFactory factory, int port, MqttDevice[] devices, CancellationToken cancellationToken)
    {
        var connections = new Connection?[devices.Length];
        string? failure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = stop.Token }, async (device, ct) =>
            {
                var client = factory.CreateMqttClient();
                try
                {
                    var result = await client.ConnectAsync(ClientOptions(port, device.Id, device.Id, device.Token), ct);
                    if (result.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        throw new InvalidOperationException($"device {device.Id} refused: {result.ResultCode} {result.ReasonString}");
                    }

                    connections[device.Index] = new Connection(device, client);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    client.Dispose();
                    Interlocked.CompareExchange(ref failure, $"{device.Id}: {e.GetType().Name}: {e.Message}", null);
                    await stop.CancelAsync();
                }
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Stopped at the first failure: measure with the devices that did connect.
        }

        return ([.. connections.OfType<Connection>()], failure);
    }

    /// <summary>
    /// Publishes at the target rate for <paramref name="length"/> (open loop: on schedule, whatever the PUBACKs do,
    /// up to <see cref="MqttLoadOptions.MaxInFlight"/> unanswered), round robin over the fleet, from one scheduling
    /// thread per core; then waits for every publish still in flight.
    /// </summary>
    private async Task<Phase> DriveAsync(Connection[] fleet, DateTimeOffset baseTime, TimeSpan length, int processId, CancellationToken cancellationToken)
    {
        var phase = new Phase((int)Math.Min(int.MaxValue / 2, (options.Rate * length.TotalSeconds * 1.2) + 10_000));
        if (fleet.Length == 0)
        {
            return phase;
        }

        var schedulers = Math.Min(Environment.ProcessorCount, fleet.Length);
        var serverCpu = ProcessMemory.CpuTime(processId);
        var ownCpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                phase.PeakResident = Math.Max(phase.PeakResident, ProcessMemory.Of(processId).ResidentBytes);
                await Task.Delay(250, CancellationToken.None);
            }
        }, CancellationToken.None);

        var threads = Enumerable.Range(0, schedulers).Select(s => new Thread(() =>
        {
            var perThread = (double)options.Rate / schedulers;
            long issued = 0;
            var next = s;
            while (clock.Elapsed < length && !cancellationToken.IsCancellationRequested)
            {
                var due = (long)(clock.Elapsed.TotalSeconds * perThread) - issued;
                for (; due > 0; due--, issued++)
                {
                    if (Volatile.Read(ref phase.InFlight) >= options.MaxInFlight)
                    {
                        Interlocked.Increment(ref phase.Skipped);
                        continue;
                    }

                    _ = PublishAsync(fleet[next], baseTime, phase, clock, length);
                    next += schedulers;
                    if (next >= fleet.Length)
                    {
                        next = s;
                    }
                }

                Thread.Sleep(1);
            }
        })
        { IsBackground = true, Name = $"publish-{s}" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var drain = Stopwatch.StartNew();
        while (Volatile.Read(ref phase.InFlight) > 0 && drain.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(50, cancellationToken);
        }

        await sampling.CancelAsync();
        await sampler;
        phase.Seconds = length.TotalSeconds;
        phase.BrokerCpu = ProcessMemory.CpuTime(processId) - serverCpu;
        phase.GeneratorCpu = Environment.CpuUsage.TotalTime - ownCpu;
        return phase;
    }

    private async Task PublishAsync(Connection connection, DateTimeOffset baseTime, Phase phase, Stopwatch clock, TimeSpan length)
    {
        Interlocked.Increment(ref phase.InFlight);
        Interlocked.Increment(ref phase.Sent);
        try
        {
            var first = Interlocked.Add(ref connection.Sequence, options.ReadingsPerMessage) - options.ReadingsPerMessage;
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(connection.Topic)
                .WithPayload(TelemetryPayload.Build(connection.Device.Index, baseTime, first, options.ReadingsPerMessage))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            var started = Stopwatch.GetTimestamp();
            var result = await connection.Client.PublishAsync(message, CancellationToken.None).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (result.IsSuccess)
            {
                phase.Record(elapsed);
                Interlocked.Add(ref connection.Acknowledged, options.ReadingsPerMessage);
                Interlocked.Increment(ref phase.AckedMessages);
                if (clock.Elapsed <= length)
                {
                    Interlocked.Add(ref phase.AckedReadingsInWindow, options.ReadingsPerMessage);
                }
            }
            else
            {
                Interlocked.Increment(ref phase.Rejected);
                Interlocked.CompareExchange(ref phase.FirstRejection, $"{connection.Device.Id}: {result.ReasonCode} {result.ReasonString}", null);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Interlocked.Increment(ref phase.Failed);
            Interlocked.CompareExchange(ref phase.FirstFailure, $"{connection.Device.Id}: {e.GetType().Name}: {e.Message}", null);
        }
        finally
        {
            Interlocked.Decrement(ref phase.InFlight);
        }
    }

    private sealed class Connection(MqttDevice device, IMqttClient client)
    {
        public long Sequence;
        public long Acknowledged;

        public MqttDevice Device { get; } = device;

        public IMqttClient Client { get; } = client;

        public string Topic { get; } = device.TelemetryTopic;
    }

    /// <summary>What one timed stretch of publishing did.</summary>
    private sealed class Phase(int capacity)
    {
        public static readonly Phase Empty = new(0);

        public long InFlight;
        public long Sent;
        public long Skipped;
        public long AckedMessages;
        public long AckedReadingsInWindow;
        public long Rejected;
        public long Failed;
        public string? FirstRejection;
        public string? FirstFailure;
        private readonly double[] _latencies = new double[capacity];
        private int _recorded;

        public long PeakResident { get; set; }

        public double Seconds { get; set; }

        /// <summary>CPU the broker's process used from the first publish until the last PUBACK.</summary>
        public TimeSpan BrokerCpu { get; set; }

        /// <summary>CPU this process (the devices) used over the same time.</summary>
        public TimeSpan GeneratorCpu { get; set; }

        /// <summary>Broker CPU per acknowledged message, in microseconds: what a message costs whatever else the machine runs.</summary>
        public double BrokerMicrosecondsPerMessage => AckedMessages == 0 ? double.NaN : BrokerCpu.TotalMicroseconds / AckedMessages;

        public double GeneratorMicrosecondsPerMessage => Sent == 0 ? double.NaN : GeneratorCpu.TotalMicroseconds / Sent;

        public double Rate => Seconds == 0 ? 0 : AckedReadingsInWindow / Seconds;

        public IReadOnlyList<double> Latencies => new ArraySegment<double>(_latencies, 0, Math.Min(_recorded, _latencies.Length));

        public void Record(double milliseconds)
        {
            var slot = Interlocked.Increment(ref _recorded) - 1;
            if (slot < _latencies.Length)
            {
                _latencies[slot] = milliseconds;
            }
        }
    }

    private sealed record BrokerRun(
        string Name,
        int Connected,
        string? ConnectFailure,
        double ConnectSeconds,
        ProcessMemory BeforeConnect,
        ProcessMemory AfterConnect,
        Phase Warm,
        Phase Measured,
        long PeakSampled,
        ProcessMemory End,
        long Received,
        Connection[] Fleet);
}
