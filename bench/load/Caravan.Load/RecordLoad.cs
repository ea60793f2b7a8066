using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caravan.Benchmarks.Latency;
using Caravan.Core.Events;
using Caravan.Core.Shipments;

namespace Caravan.Load;

/// <summary>
/// The Record under load over HTTP: signed appends one per request and in batches (each answered only once
/// durable), and <c>GET /v2/events</c> under many concurrent readers — each beside a baseline measured in the same
/// run: <c>GET /healthz</c> at the same concurrency (what the HTTP stack alone serves) and NSec's raw verify rate
/// (the signature check every append needs).
/// </summary>
public sealed class RecordLoad
{
    private const string Forwarder = "load-forwarder";

    // The name Caravan.Storage gives its writer's thread (SqliteWriter.ThreadName).
    private const string WriterThread = "Caravan writer";
    private static readonly DateTimeOffset EventTime = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly LoadOptions _options;
    private readonly TextWriter _output;
    private int? _serverProcessId;
    private int _eventsSigned;

    public RecordLoad(LoadOptions options, TextWriter output)
    {
        _options = options;
        _output = output;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // The server's MQTT broker on a free port: the default (1883) may be another broker's on this machine.
        await using var started = _options.Server is null
            ? await ServerProcess.StartAsync(_options.CaravanDll, cancellationToken, "--mqtt-port", ServerProcess.FreePort().ToString(CultureInfo.InvariantCulture))
            : null;
        var url = started?.Url ?? _options.Server!;
        _serverProcessId = started?.ProcessId ?? _options.ServerProcessId;
        var admin = started?.AdminToken ?? _options.AdminToken!;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(_options.Clients, _options.ReadClients) };
        using var http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };

        _output.WriteLine($"# Record load ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, server {url})");
        _output.WriteLine();
        using var key = EventSigningKey.Create();
        var token = await SetUpPartyAsync(http, admin, key, cancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var shipments = await CreateShipmentsAsync(http, cancellationToken);

        var verify = NsecVerifyRate(key);
        _output.WriteLine($"NSec raw Ed25519 verify (same machine, this run): {verify.OneCore:N0}/s on one core, {verify.AllCores:N0}/s on {Environment.ProcessorCount}.");
        _output.WriteLine();
        _output.WriteLine("| phase | requests | events | seconds | events/s | request p50 | request p99 | baseline | ratio |");
        _output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---:|");

        // Warm-up, not reported: the server's code reaches its optimised tier before anything is timed. Tiered
        // compilation keeps a core busy for about 20 s after start under this load (dotnet-counters:
        // dotnet.jit.compiled_methods 400-1,600 per 2 s until then, under 50 after), so the warm-up is timed, not counted.
        var warmUp = Stopwatch.StartNew();
        await HealthRateAsync(http, _options.Clients, TimeSpan.FromSeconds(3), cancellationToken);
        do
        {
            await AppendAsync(http, key, shipments, Math.Min(2_000, _options.SingleEvents), batchSize: 1, cancellationToken);
            await AppendAsync(http, key, shipments, Math.Min(10_000, _options.BatchedEvents), _options.BatchSize, cancellationToken);
        }
        while (warmUp.Elapsed < TimeSpan.FromSeconds(_options.WarmUpSeconds));

        var health = await HealthRateAsync(http, _options.Clients, TimeSpan.FromSeconds(5), cancellationToken);
        Row("GET /healthz (HTTP floor)", health.Requests, 0, health.Seconds, health.Requests / health.Seconds, health.Latency, "–", double.NaN);

        var single = await AppendAsync(http, key, shipments, _options.SingleEvents, batchSize: 1, cancellationToken);
        Row($"POST …/events, one event each, {_options.Clients} clients", single.Requests, single.Events, single.Seconds, single.Events / single.Seconds, single.Latency,
            "healthz req/s", single.Requests / single.Seconds / (health.Requests / health.Seconds));

        var batched = await AppendAsync(http, key, shipments, _options.BatchedEvents, _options.BatchSize, cancellationToken);
        Row($"POST …/events/batch, {_options.BatchSize} events each, {_options.Clients} clients", batched.Requests, batched.Events, batched.Seconds, batched.Events / batched.Seconds, batched.Latency,
            "NSec verify/s, all cores", batched.Events / batched.Seconds / verify.AllCores);

        // The same batches with random (version 4) eventIDs, as a client that does not follow docs/record.md's advice
        // sends them: each new id lands on its own page of the eventID index.
        var randomIds = await AppendAsync(http, key, shipments, _options.BatchedEvents, _options.BatchSize, cancellationToken, randomEventIds: true);
        Row($"the same, random (v4) eventIDs", randomIds.Requests, randomIds.Events, randomIds.Seconds, randomIds.Events / randomIds.Seconds, randomIds.Latency,
            "NSec verify/s, all cores", randomIds.Events / randomIds.Seconds / verify.AllCores);

        var healthReaders = await HealthRateAsync(http, _options.ReadClients, TimeSpan.FromSeconds(5), cancellationToken);
        Row($"GET /healthz, {_options.ReadClients} clients", healthReaders.Requests, 0, healthReaders.Seconds, healthReaders.Requests / healthReaders.Seconds, healthReaders.Latency, "–", double.NaN);
        var reads = await ReadEventsAsync(http, cancellationToken);
        Row($"GET /v2/events?limit=100, {_options.ReadClients} clients", reads.Requests, reads.Events, reads.Seconds, reads.Events / reads.Seconds, reads.Latency,
            "healthz p50", Percentiles.Of(reads.Latency, 50) / Percentiles.Of(healthReaders.Latency, 50));
        _output.WriteLine();
        _output.WriteLine("CPU per appended event while the phase ran (from /proc/PID/stat, 10 ms ticks; comparable between runs on a shared machine):");
        _output.WriteLine();
        _output.WriteLine("| phase | server CPU s | server µs/event | of which the single writer | server bytes written/event | generator CPU s | generator µs/event |");
        _output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        CpuRow("one event each", single);
        CpuRow($"batches of {_options.BatchSize}", batched);
        CpuRow($"batches of {_options.BatchSize}, random (v4) eventIDs", randomIds);
        _output.WriteLine();
        _output.WriteLine("Ratios: single appends as a share of the request rate the HTTP stack alone serves; batched appends against NSec's raw verify rate on all cores (each append verifies one signature); /v2/events p50 against /healthz p50 at the same concurrency (a ratio, lower is better).");
        return 0;
    }

    private void Row(string phase, long requests, long events, double seconds, double rate, IReadOnlyList<double> latency, string baseline, double ratio) =>
        _output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {phase} | {requests:N0} | {events:N0} | {seconds:F1} | **{rate:N0}** | {Percentiles.Of(latency, 50):F1} ms | {Percentiles.Of(latency, 99):F1} ms | {baseline} | {(double.IsNaN(ratio) ? "–" : ratio.ToString("F2", CultureInfo.InvariantCulture))} |"));

    private void CpuRow(string phase, PhaseResult result) =>
        _output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {phase} | {(result.ServerCpu is { } server ? server.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) : "–")} | {(result.ServerCpu is { } perEvent ? (perEvent.TotalMicroseconds / result.Events).ToString("F0", CultureInfo.InvariantCulture) : "–")} | {(result.WriterCpu is { } writer ? (writer.TotalMicroseconds / result.Events).ToString("F0", CultureInfo.InvariantCulture) : "–")} | {(result.ServerWritten is { } written ? (written / result.Events).ToString("N0", CultureInfo.InvariantCulture) : "–")} | {result.GeneratorCpu.TotalSeconds:F1} | {result.GeneratorCpu.TotalMicroseconds / result.Events:F0} |"));

    private TimeSpan? ServerCpu() => _serverProcessId is { } id ? ProcessMemory.CpuTime(id) : null;

    private TimeSpan? WriterCpu() => _serverProcessId is { } id ? ProcessMemory.ThreadCpuTime(id, WriterThread) : null;

    private long? ServerWritten() => _serverProcessId is { } id ? ProcessMemory.WrittenBytes(id) : null;

    private static TimeSpan GeneratorCpu() => Environment.CpuUsage.TotalTime;

    private static async Task<string> SetUpPartyAsync(HttpClient http, string admin, EventSigningKey key, CancellationToken cancellationToken)
    {
        using (var create = Request(HttpMethod.Post, "/api/parties", admin, new { id = Forwarder, name = "Load forwarder", country = "CN", kind = "forwarder" }))
        {
            await SendAsync(http, create, cancellationToken);
        }

        using var issue = Request(HttpMethod.Post, $"/api/parties/{Forwarder}/tokens", admin, new { label = "load" });
        var token = (await SendAsync(http, issue, cancellationToken))["token"]!.GetValue<string>();
        using var register = new HttpRequestMessage(HttpMethod.Post, $"/api/parties/{Forwarder}/keys")
        {
            Content = new StringContent(key.PublicKey.ToJwk(), Encoding.UTF8, "application/json"),
        };
        register.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await SendAsync(http, register, cancellationToken);
        return token;
    }

    private async Task<List<string>> CreateShipmentsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var plan = await PostAsync(http, "/api/plan", new { from = "CNXIY", to = "DEDUI", earliestDeparture = "2026-12-01T00:00:00Z", avoidCountries = new[] { "RU", "BY" } }, cancellationToken);
        var itineraryId = plan["itineraries"]![0]!["itineraryId"]!.GetValue<string>();
        var ids = new List<string>();
        for (var i = 0; i < _options.Shipments; i++)
        {
            var body = new JsonObject
            {
                ["parties"] = new JsonArray(),
                ["consignment"] = new JsonObject
                {
                    ["consignor"] = Forwarder,
                    ["consignee"] = Forwarder,
                    ["placeOfTakingOver"] = "CNXIY",
                    ["placeOfDelivery"] = "DEDUI",
                    ["goodsDescription"] = "Machine parts",
                    ["hsCode"] = "8483.40",
                    ["numberOfPackages"] = 20,
                    ["grossMassKg"] = 18000,
                },
                ["containers"] = new JsonArray(new JsonObject { ["number"] = ContainerNumber.Create("CRV", 'U', 100_000 + i).Value, ["seals"] = new JsonArray() }),
                ["itinerary"] = new JsonObject { ["plan"] = plan["request"]!.DeepClone(), ["itineraryId"] = itineraryId },
            };
            ids.Add((await PostAsync(http, "/api/shipments", body, cancellationToken))["id"]!.GetValue<string>());
        }

        return ids;
    }

    /// <summary>
    /// Signs every event first (signing is the client's work), then posts them from concurrent clients: <paramref name="events"/>
    /// spread evenly over the shipments, each shipment's in requests of <paramref name="batchSize"/>, posted shipment after
    /// shipment. Each event carries its shipment's booking reference and is created just before it is posted (creation
    /// times rise in posting order), as a carrier's events are, and its eventID is a time-ordered UUID (version 7, RFC
    /// 9562) of its creation time, as docs/record.md advises. With <paramref name="randomEventIds"/> eventIDs are random
    /// (version 4); with <see cref="LoadOptions.ScatteredKeys"/> they are too, booking references cycle over 1,000
    /// values and creation times interleave the shipments, so a request's events land all over those indexes.
    /// </summary>
    private async Task<PhaseResult> AppendAsync(
        HttpClient http, EventSigningKey key, List<string> shipments, int events, int batchSize, CancellationToken cancellationToken, bool randomEventIds = false)
    {
        var requests = new List<(string Path, byte[] Body)>();
        for (var k = 0; k < shipments.Count; k++)
        {
            var shipment = shipments[k];
            var mine = Enumerable.Range(0, events).Where(i => i % shipments.Count == k).ToList();
            foreach (var chunk in mine.Chunk(batchSize))
            {
                var envelopes = chunk
                    .Select(i => _options.ScatteredKeys
                        ? SignedEnvelope(key, shipment, i, $"LOAD{i % 1000:D4}", randomEventId: true)
                        : SignedEnvelope(key, shipment, _eventsSigned++, $"LOAD{k:D4}", randomEventIds))
                    .ToList();
                var body = batchSize == 1
                    ? envelopes[0]
                    : new JsonObject { ["events"] = new JsonArray([.. envelopes]) };
                requests.Add(($"/api/shipments/{shipment}/events{(batchSize == 1 ? string.Empty : "/batch")}", Encoding.UTF8.GetBytes(body.ToJsonString())));
            }
        }

        var next = -1;
        var latencies = new double[requests.Count];
        var serverCpu = ServerCpu();
        var serverWritten = ServerWritten();
        var writerCpu = WriterCpu();
        var generatorCpu = GeneratorCpu();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, _options.Clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests.Count)
            {
                var started = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(requests[i].Body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(new Uri(requests[i].Path, UriKind.Relative), content, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"POST {requests[i].Path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        return new PhaseResult(requests.Count, events, seconds, latencies)
        {
            ServerCpu = ServerCpu() - serverCpu,
            ServerWritten = ServerWritten() - serverWritten,
            WriterCpu = WriterCpu() - writerCpu,
            GeneratorCpu = GeneratorCpu() - generatorCpu,
        };
    }

    private static JsonObject SignedEnvelope(EventSigningKey key, string shipment, int n, string bookingReference, bool randomEventId)
    {
        var created = EventTime.AddSeconds(n);
        var at = created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var code = (n % 3) switch { 0 => "RECE", 1 => "CONF", _ => "ISSU" };
        var document = (n % 3) == 2 ? "TRD" : "BKG";
        var json = new JsonObject
        {
            ["eventID"] = (randomEventId ? Guid.NewGuid() : Guid.CreateVersion7(created)).ToString("D"),
            ["eventType"] = "SHIPMENT",
            ["eventClassifierCode"] = "ACT",
            ["eventDateTime"] = at,
            ["eventCreatedDateTime"] = at,
            ["shipmentID"] = shipment,
            ["shipmentEventTypeCode"] = code,
            ["documentTypeCode"] = document,
            ["documentID"] = $"{document}-{n}",
            ["carrierBookingReference"] = bookingReference,
        };
        var canonical = CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json.ToJsonString()));
        return new JsonObject
        {
            ["event"] = JsonNode.Parse(canonical),
            ["signature"] = DetachedJws.Sign(key, canonical),
        };
    }

    private async Task<PhaseResult> ReadEventsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        string[] queries =
        [
            "/v2/events?limit=100",
            "/v2/events?eventType=SHIPMENT&shipmentEventTypeCode=CONF&limit=100",
            "/v2/events?carrierBookingReference=LOAD0042&limit=100",
            "/v2/events?eventCreatedDateTime:gte=2026-12-02T08:30:00Z&eventCreatedDateTime:lt=2026-12-02T09:00:00Z&limit=100",
            "/v2/events?shipmentEventTypeCode=ISSU,RECE&limit=100",
        ];
        var latencies = new List<double>[_options.ReadClients];
        long events = 0;
        var until = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(_options.ReadSeconds);
        await Task.WhenAll(Enumerable.Range(0, _options.ReadClients).Select(async client =>
        {
            var mine = latencies[client] = [];
            var n = client;
            string? cursor = null;
            while (until.Elapsed < duration)
            {
                var path = cursor is null ? queries[n++ % queries.Length] : cursor;
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
                }

                using var page = JsonDocument.Parse(body);
                Interlocked.Add(ref events, page.RootElement.GetArrayLength());

                // Every few requests a client follows the next page, as a reader paging through does.
                cursor = n % 4 == 0 && response.Headers.TryGetValues("Next-Page", out var next) ? NextPath(path, next.First()) : null;
            }
        }));
        var all = latencies.SelectMany(l => l).ToList();
        return new PhaseResult(all.Count, events, until.Elapsed.TotalSeconds, all);
    }

    private static string NextPath(string path, string next) =>
        next.StartsWith('/') || next.StartsWith("http", StringComparison.Ordinal)
            ? new Uri(new Uri("http://x"), next).PathAndQuery
            : $"{path.Split("&cursor=")[0]}&cursor={Uri.EscapeDataString(next)}";

    private static async Task<PhaseResult> HealthRateAsync(HttpClient http, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<double>[clients];
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = latencies[client] = [];
            while (until.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                response.EnsureSuccessStatusCode();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).ToList();
        return new PhaseResult(all.Count, 0, until.Elapsed.TotalSeconds, all);
    }

    private static (double OneCore, double AllCores) NsecVerifyRate(EventSigningKey key)
    {
        var payload = Encoding.UTF8.GetBytes(new string('x', 420));
        var jws = DetachedJws.Sign(key, payload);
        double Rate(int threads)
        {
            var counts = new long[threads];
            var watch = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var local = 0L;
                while (watch.Elapsed < TimeSpan.FromSeconds(2))
                {
                    if (!DetachedJws.Verify(key.PublicKey, jws, payload).IsValid)
                    {
                        throw new InvalidOperationException("a valid signature did not verify");
                    }

                    local++;
                }

                counts[t] = local;
            });
            return counts.Sum() / watch.Elapsed.TotalSeconds;
        }

        return (Rate(1), Rate(Environment.ProcessorCount));
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, string path, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        return await SendAsync(http, request, cancellationToken);
    }

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text) ?? new JsonObject();
    }

    private sealed record PhaseResult(long Requests, long Events, double Seconds, IReadOnlyList<double> Latency)
    {
        /// <summary>CPU the server used while the phase ran; unknown against a server given by URL without its process id.</summary>
        public TimeSpan? ServerCpu { get; init; }

        /// <summary>Bytes the server wrote while the phase ran: the log and the database file, and the answers.</summary>
        public long? ServerWritten { get; init; }

        /// <summary>CPU the server's single writer thread used while the phase ran: the part of the work that does not spread over cores.</summary>
        public TimeSpan? WriterCpu { get; init; }

        /// <summary>CPU this process used while the phase ran (the clients, not the signing done beforehand).</summary>
        public TimeSpan GeneratorCpu { get; init; }
    }
}
