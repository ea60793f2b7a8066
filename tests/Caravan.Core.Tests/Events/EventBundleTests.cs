using System.Text;
using System.Text.Json.Nodes;
using Caravan.Core.Events;

namespace Caravan.Core.Tests.Events;

public sealed class EventBundleTests
{
    [Fact]
    public void A_bundle_survives_writing_and_reading_and_verifies_offline()
    {
        using var chain = TestChain.Build(4);
        var bundle = Bundle(chain);

        var read = EventBundle.TryRead(bundle.ToJson());

        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        Assert.Equal(chain.Entries, read.Bundle!.Entries);
        Assert.Equal(SampleEvents.ShipmentId, read.Bundle.ShipmentId);
        Assert.Equal(chain.Platform.PublicKey, read.Bundle.PlatformKey);
        Assert.Equal(2, read.Bundle.Keys.Count);
        Assert.True(read.Bundle.Verify().Intact);
        Assert.True(read.Bundle.Verify(verifyAllPlatformSignatures: true).Intact);
    }

    [Fact]
    public void Entries_the_platform_did_not_sign_travel_without_a_platform_signature_and_read_back_the_same()
    {
        using var chain = TestChain.Build(5, entriesPerWrite: 2);
        var bundle = Bundle(chain);
        var entries = JsonNode.Parse(bundle.ToJson())!["entries"]!.AsArray();

        Assert.Equal([false, true, false, true, true], entries.Select(e => e!.AsObject().ContainsKey("platformSignature")));
        var read = EventBundle.TryRead(bundle.ToJson());
        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        Assert.Equal(chain.Entries, read.Bundle!.Entries);
        Assert.True(read.Bundle.Verify(verifyAllPlatformSignatures: true).Intact);
    }

    [Fact]
    public void The_bundle_names_its_format_and_embeds_each_event_as_its_canonical_bytes()
    {
        using var chain = TestChain.Build(2);
        var text = Encoding.UTF8.GetString(Bundle(chain).ToJson());

        Assert.Contains("\"format\": \"caravan.bundle/1\"", text, StringComparison.Ordinal);
        Assert.Contains(Encoding.UTF8.GetString(chain.Entries[1].EventJson.Span), text, StringComparison.Ordinal);
        var root = JsonNode.Parse(text)!;
        Assert.Equal(chain.Railway.Kid, (string?)root["keys"]![0]!["kid"]);
        Assert.Equal("ktz", (string?)root["keys"]![0]!["partyID"]);
    }

    [Fact]
    public void One_altered_byte_in_an_event_in_the_file_names_that_entry()
    {
        using var chain = TestChain.Build(4);
        var text = Encoding.UTF8.GetString(Bundle(chain).ToJson());
        var third = text.IndexOf(Encoding.UTF8.GetString(chain.Entries[2].EventJson.Span), StringComparison.Ordinal);
        var at = text.IndexOf("KZDSK", third, StringComparison.Ordinal);
        var altered = string.Concat(text.AsSpan(0, at), "KZDSL", text.AsSpan(at + 5));

        var result = EventBundle.TryRead(Encoding.UTF8.GetBytes(altered)).Bundle!.Verify();

        Assert.Equal(3, result.FirstBroken!.Sequence);
        Assert.Equal(chain.Entries[2].EventId, result.FirstBroken.EventId);
    }

    [Fact]
    public void Stored_event_bytes_that_are_not_JSON_travel_as_a_string_and_fail_at_their_entry()
    {
        using var chain = TestChain.Build(3);
        var entries = chain.Entries.ToList();
        var broken = entries[1].EventJson.ToArray();
        broken[0] = (byte)'[';
        entries[1] = entries[1] with { EventJson = broken };

        var read = EventBundle.TryRead(Bundle(chain, entries).ToJson());

        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        Assert.Equal(broken, read.Bundle!.Entries[1].EventJson.ToArray());
        Assert.Equal(2, read.Bundle.Verify().FirstBroken!.Sequence);
    }

    [Fact]
    public void Entries_of_another_shipment_than_the_bundles_are_refused()
    {
        using var chain = TestChain.Build(2);
        var bundle = new EventBundle("SHP-OTHER", chain.Entries, Keys(chain), chain.Platform.PublicKey);

        var result = bundle.Verify();

        Assert.Equal(1, result.FirstBroken!.Sequence);
        Assert.Contains("the bundle for SHP-OTHER", result.FirstBroken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_without_a_signers_key_names_the_entry()
    {
        using var chain = TestChain.Build(3);
        var bundle = new EventBundle(SampleEvents.ShipmentId, chain.Entries, [new BundleKey("ktz", chain.Railway.PublicKey)], chain.Platform.PublicKey);

        var broken = bundle.Verify().FirstBroken!;

        Assert.Equal(2, broken.Sequence);
        Assert.StartsWith("party port-aktau has no key", broken.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<Action<JsonObject>, string, string> Faults() => new()
    {
        { b => b["format"] = "caravan.bundle/2", "$.format", "is not caravan.bundle/1" },
        { b => b.Remove("shipmentID"), "$.shipmentID", "is required" },
        { b => b["platformKey"] = "key", "$.platformKey", "must be a JWK object" },
        { b => b["platformKey"]!["crv"] = "X25519", "$.platformKey", "crv" },
        { b => b["keys"]![0]!["kid"] = "other", "$.keys[0].kid", "is not the key's id" },
        { b => b["keys"]!.AsArray().Add(b["keys"]![0]!.DeepClone()), "$.keys[2]", "listed twice" },
        { b => b["entries"]![1]!["sequence"] = "two", "$.entries[1].sequence", "must be a number" },
        { b => b["entries"]![1]!["sequence"] = 1.5, "$.entries[1].sequence", "whole number" },
        { b => b["entries"]![0]!["recordedAt"] = "2026-03-02", "$.entries[0].recordedAt", "is not a UTC time" },
        { b => b["entries"]![0]!["eventID"] = "e1", "$.entries[0].eventID", "is not a UUID" },
        { b => b["entries"]![0]!["event"] = 5, "$.entries[0].event", "must be the event's JSON object" },
        { b => b["entries"]![0]!.AsObject().Remove("entryHash"), "$.entries[0].entryHash", "is required" },
        { b => b["entries"]![2] = 3, "$.entries[2]", "must be an object" },
        { b => b.Remove("entries"), "$.entries", "is required" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void A_malformed_bundle_is_refused_naming_the_member(Action<JsonObject> spoil, string field, string message)
    {
        using var chain = TestChain.Build(3);
        var json = JsonNode.Parse(Bundle(chain).ToJson())!.AsObject();
        spoil(json);

        var result = EventBundle.TryRead(Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Field == field && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("[]", "a bundle is a JSON object")]
    public void Text_that_is_not_a_bundle_object_is_one_problem(string text, string message) =>
        Assert.Contains(message, Assert.Single(EventBundle.TryRead(Encoding.UTF8.GetBytes(text)).Problems).Message, StringComparison.Ordinal);

    private static EventBundle Bundle(TestChain chain, IReadOnlyList<ChainEntry>? entries = null) =>
        new(SampleEvents.ShipmentId, entries ?? chain.Entries, Keys(chain), chain.Platform.PublicKey);

    private static List<BundleKey> Keys(TestChain chain) =>
        [new BundleKey("ktz", chain.Railway.PublicKey), new BundleKey("port-aktau", chain.Terminal.PublicKey)];
}
