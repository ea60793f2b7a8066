using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Caravan.Core.Events;

namespace Caravan.Core.Tests.Events;

/// <summary>
/// A small shipment chain built the way the server builds one: a railway and a terminal sign events, the
/// platform seals them one minute apart, in writes of <c>entriesPerWrite</c> entries (the last of each signed by the
/// platform). Keys are fresh for every chain.
/// </summary>
internal sealed class TestChain : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private TestChain(int length, int entriesPerWrite)
    {
        for (var i = 0; i < length; i++)
        {
            var (party, key) = i % 2 == 0 ? ("ktz", Railway) : ("port-aktau", Terminal);
            Append(party, key, EventJson(i), platformSigns: (i + 1) % entriesPerWrite == 0 || i == length - 1);
        }
    }

    public EventSigningKey Railway { get; } = EventSigningKey.Create();

    public EventSigningKey Terminal { get; } = EventSigningKey.Create();

    public EventSigningKey Platform { get; } = EventSigningKey.Create();

    public List<ChainEntry> Entries { get; } = [];

    public static TestChain Build(int length, int entriesPerWrite = 1) => new(length, entriesPerWrite);

    public static JsonObject EventJson(int i)
    {
        var json = i % 2 == 0 ? SampleEvents.Transport(i % 4 == 0 ? "DEPA" : "ARRI") : SampleEvents.Equipment(i % 4 == 1 ? "DISC" : "LOAD");
        json["eventID"] = new Guid(i + 1, 0x1234, 0x4567, [0x89, 0xab, 0, 0, 0, 0, 0, (byte)i]).ToString("D");
        return json;
    }

    public EventPublicKey? Keys(string party, string kid) => (party, kid) switch
    {
        ("ktz", var k) when k == Railway.Kid => Railway.PublicKey,
        ("port-aktau", var k) when k == Terminal.Kid => Terminal.PublicKey,
        _ => null,
    };

    public ChainEntry Append(string party, EventSigningKey author, JsonObject json, bool platformSigns = true)
    {
        var shipmentEvent = SampleEvents.Parse(json);
        var entry = ChainSealer.Seal(
            Entries.LastOrDefault(),
            party,
            DetachedJws.Sign(author, shipmentEvent.CanonicalJson.Span),
            shipmentEvent,
            Platform,
            Start.AddMinutes(Entries.Count),
            platformSigns);
        Entries.Add(entry);
        return entry;
    }

    public ChainVerification Verify(bool all = false) => Verify(Entries, all);

    public ChainVerification Verify(IReadOnlyList<ChainEntry> entries, bool all = false) =>
        ChainVerifier.Verify(entries, Keys, Platform.PublicKey, all);

    /// <summary>What someone with write access to the store but without the platform key can do: fix up the hashes.</summary>
    public static List<ChainEntry> Rehash(IReadOnlyList<ChainEntry> entries, int from)
    {
        var result = entries.Take(from).ToList();
        foreach (var entry in entries.Skip(from))
        {
            var linked = entry with { PreviousHash = result.Count == 0 ? ChainEntry.GenesisHash : result[^1].EntryHash };
            result.Add(linked with { EntryHash = Convert.ToHexStringLower(SHA256.HashData(linked.CanonicalRecord())) });
        }

        return result;
    }

    public void Dispose()
    {
        Railway.Dispose();
        Terminal.Dispose();
        Platform.Dispose();
    }
}
