using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Caravan.Core.Events;

namespace Caravan.Core.Tests.Events;

/// <summary>
/// tests/cli/fixtures/bundle.json, the bundle the CLI suite verifies and tampers with, is written by this code:
/// keys from fixed seeds and Ed25519's deterministic signatures make it the same bytes every time. Set
/// CARAVAN_UPDATE_FIXTURES=1 to rewrite it after a deliberate change of the format.
/// </summary>
public sealed class CliFixtureTests
{
    private static readonly string FixturePath = Path.Combine(RepositoryRoot(), "tests", "cli", "fixtures", "bundle.json");

    [Fact]
    public void The_CLI_fixture_bundle_is_the_bundle_the_code_writes_today()
    {
        var expected = FixtureBundle().ToJson();
        if (Environment.GetEnvironmentVariable("CARAVAN_UPDATE_FIXTURES") == "1")
        {
            File.WriteAllBytes(FixturePath, expected);
        }

        Assert.True(File.Exists(FixturePath), $"{FixturePath} is missing; run the tests with CARAVAN_UPDATE_FIXTURES=1");
        Assert.Equal(Encoding.UTF8.GetString(expected), File.ReadAllText(FixturePath, Encoding.UTF8));
    }

    [Fact]
    public void The_CLI_fixture_bundle_verifies()
    {
        var read = EventBundle.TryRead(File.ReadAllBytes(FixturePath));

        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        Assert.Equal(4, read.Bundle!.Entries.Count);
        Assert.Equal(new ChainVerification(4, null), read.Bundle.Verify(verifyAllPlatformSignatures: true));
    }

    private static EventBundle FixtureBundle()
    {
        using var railway = Key("ktz");
        using var terminal = Key("port-aktau");
        using var customs = Key("ge-customs");
        using var platform = Key("caravan-platform");
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var events = new (string Party, EventSigningKey Key, JsonObject Json)[]
        {
            ("ktz", railway, WithId(SampleEvents.Transport("DEPA"), 1)),
            ("port-aktau", terminal, WithId(SampleEvents.Equipment("DISC"), 2)),
            ("ge-customs", customs, WithId(SampleEvents.Shipment("HOLD"), 3)),
            ("ge-customs", customs, WithId(SampleEvents.Shipment("RELS"), 4)),
        };
        var entries = new List<ChainEntry>();
        foreach (var (party, key, json) in events)
        {
            var shipmentEvent = SampleEvents.Parse(json);
            entries.Add(ChainSealer.Seal(
                entries.LastOrDefault(), party, DetachedJws.Sign(key, shipmentEvent.CanonicalJson.Span), shipmentEvent, platform, start.AddHours(entries.Count * 7)));
        }

        return new EventBundle(
            SampleEvents.ShipmentId,
            entries,
            [new BundleKey("ktz", railway.PublicKey), new BundleKey("port-aktau", terminal.PublicKey), new BundleKey("ge-customs", customs.PublicKey)],
            platform.PublicKey);
    }

    private static JsonObject WithId(JsonObject json, int n)
    {
        json["eventID"] = $"00000000-0000-4000-8000-00000000000{n}";
        return json;
    }

    private static EventSigningKey Key(string name) => EventSigningKey.FromSeed(SHA256.HashData(Encoding.UTF8.GetBytes($"caravan fixture key {name}")));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Caravan.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Caravan.slnx above {AppContext.BaseDirectory}.");
    }
}
