using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Caravan.Core.Events;
using NSec.Cryptography;

namespace Caravan.Benchmarks;

/// <summary>
/// Offline chain verification against NSec's raw Ed25519 verify over the same signing inputs (the authors'
/// JWS inputs, one per entry). The budget: <see cref="Verify_chain"/> ≥ 0.8 × <see cref="Raw_NSec_verify"/>
/// in entries per second. Per-operation times are per entry (<c>OperationsPerInvoke</c>).
/// </summary>
[MemoryDiagnoser]
public class ChainVerificationBenchmarks
{
    private const int Entries = 1000;

    private readonly List<ChainEntry> _chain = [];
    private readonly List<(byte[] Input, byte[] Signature)> _raw = [];
    private EventSigningKey _author = null!;
    private EventSigningKey _platform = null!;
    private PublicKey _authorNSecKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        _author = EventSigningKey.Create();
        _platform = EventSigningKey.Create();
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Entries; i++)
        {
            var json = Encoding.UTF8.GetBytes(EventJson(i));
            var shipmentEvent = ShipmentEventJson.TryParse(json).Event ?? throw new InvalidOperationException("bad benchmark event");
            var signature = DetachedJws.Sign(_author, shipmentEvent.CanonicalJson.Span);
            _chain.Add(ChainSealer.Seal(_chain.LastOrDefault(), "ktz", signature, shipmentEvent, _platform, start.AddMinutes(i)));

            var parts = signature.Split('.');
            var input = Encoding.ASCII.GetBytes($"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(shipmentEvent.CanonicalJson.Span)}");
            var raw = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
            _raw.Add((input, raw));
        }

        _authorNSecKey = PublicKey.Import(SignatureAlgorithm.Ed25519, _author.PublicKey.RawBytes, KeyBlobFormat.RawPublicKey);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _author.Dispose();
        _platform.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Entries)]
    public int Raw_NSec_verify()
    {
        var valid = 0;
        foreach (var (input, signature) in _raw)
        {
            valid += SignatureAlgorithm.Ed25519.Verify(_authorNSecKey, input, signature) ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public int Verify_chain() =>
        ChainVerifier.Verify(_chain, Lookup, _platform.PublicKey).EntriesChecked;

    [Benchmark(OperationsPerInvoke = Entries)]
    public int Verify_chain_with_every_platform_signature() =>
        ChainVerifier.Verify(_chain, Lookup, _platform.PublicKey, verifyAllPlatformSignatures: true).EntriesChecked;

    // The parts of Verify_chain besides the author's Ed25519 verify, to see where its time goes.
    [Benchmark(OperationsPerInvoke = Entries)]
    public int Parse_events()
    {
        var parsed = 0;
        foreach (var entry in _chain)
        {
            parsed += ShipmentEventJson.TryParse(entry.EventJson).Succeeded ? 1 : 0;
        }

        return parsed;
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public int Hash_records()
    {
        var total = 0;
        foreach (var entry in _chain)
        {
            total += System.Security.Cryptography.SHA256.HashData(entry.CanonicalRecord())[0];
        }

        return total;
    }

    private EventPublicKey? Lookup(string party, string kid) => party == "ktz" && kid == _author.Kid ? _author.PublicKey : null;

    private static string EventJson(int i) => string.Create(CultureInfo.InvariantCulture, $$$"""
        {"eventID":"{{{new Guid(i, 0, 0x4000, [0x80, 0, 0, 0, 0, 0, 0, 1]):D}}}","eventType":"EQUIPMENT","eventClassifierCode":"ACT",
         "eventDateTime":"2026-03-05T09:00:00+04:00","eventCreatedDateTime":"2026-03-05T05:01:30Z","shipmentID":"SHP-BENCH",
         "equipmentEventTypeCode":"{{{(i % 2 == 0 ? "LOAD" : "DISC")}}}","equipmentReference":"CSQU3054383","emptyIndicatorCode":"LADEN",
         "eventLocation":{"UNLocationCode":"AZBAK"},
         "transportCall":{"modeOfTransport":"VESSEL","UNLocationCode":"AZBAK","facilityTypeCode":"POTE","transportCallReference":"ADY-ALAT-{{{i}}}"}}
        """);
}
