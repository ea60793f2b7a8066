using System.Security.Cryptography;
using System.Text;
using Caravan.Core.Events;

namespace Caravan.Core.Tests.Events;

public sealed class ChainTests
{
    [Fact]
    public void A_sealed_chain_links_each_entry_to_the_hash_of_the_previous_record_and_verifies()
    {
        using var chain = TestChain.Build(5);
        var entries = chain.Entries;

        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Sequence));
        Assert.Equal(ChainEntry.GenesisHash, entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].EntryHash, entries[i].PreviousHash);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(entries[i - 1].CanonicalRecord())), entries[i].PreviousHash);
        }

        var result = chain.Verify();
        Assert.True(result.Intact, result.FirstBroken?.ToString());
        Assert.Equal(5, result.EntriesChecked);
        Assert.True(chain.Verify(all: true).Intact);
    }

    [Fact]
    public void An_entry_follows_only_the_entry_it_was_sealed_after()
    {
        using var chain = TestChain.Build(3);
        var entries = chain.Entries;

        Assert.True(ChainSealer.Follows(entries[0], null));
        Assert.True(ChainSealer.Follows(entries[2], entries[1]));
        Assert.False(ChainSealer.Follows(entries[2], entries[0]));
        Assert.False(ChainSealer.Follows(entries[1], null));
        Assert.False(ChainSealer.Follows(entries[2], entries[1] with { EntryHash = entries[0].EntryHash }));
    }

    [Fact]
    public void An_entry_records_its_author_event_time_and_platform_key()
    {
        using var chain = TestChain.Build(1);
        var entry = chain.Entries[0];

        Assert.Equal("ktz", entry.AuthorPartyId);
        Assert.Equal(chain.Railway.Kid, entry.AuthorKid);
        Assert.Equal(chain.Platform.Kid, entry.PlatformKid);
        Assert.Equal(SampleEvents.ShipmentId, entry.ShipmentId);
        Assert.Equal(TestChain.Start, entry.RecordedAt);
        Assert.Equal(TimeSpan.Zero, entry.RecordedAt.Offset);
        Assert.True(DetachedJws.Verify(chain.Railway.PublicKey, entry.AuthorSignature, entry.EventJson.Span).IsValid);
        Assert.True(DetachedJws.Verify(chain.Platform.PublicKey, entry.PlatformSignature, entry.CanonicalRecordToSign()).IsValid);
    }

    [Fact]
    public void The_record_is_canonical_JSON_with_every_stored_field_but_the_entry_hash()
    {
        using var chain = TestChain.Build(2);
        var record = chain.Entries[1].CanonicalRecord();

        Assert.True(CanonicalJson.IsCanonical(record));
        var text = Encoding.UTF8.GetString(record);
        Assert.StartsWith("{\"authorKid\":", text, StringComparison.Ordinal);
        foreach (var field in new[] { "authorPartyID", "authorSignature", "event", "eventID", "platformKid", "platformSignature", "previousHash", "recordedAt", "sequence", "shipmentID" })
        {
            Assert.Contains($"\"{field}\":", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("entryHash", text, StringComparison.Ordinal);
        Assert.Contains("\"recordedAt\":\"2026-03-02T00:01:00.0000000Z\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("platformSignature", Encoding.UTF8.GetString(chain.Entries[1].CanonicalRecordToSign()), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_chain_is_intact()
    {
        using var chain = TestChain.Build(0);

        Assert.Equal(new ChainVerification(0, null), chain.Verify());
    }

    [Fact]
    public void Sealing_converts_the_time_to_UTC()
    {
        using var chain = TestChain.Build(0);
        var e = SampleEvents.Parse(SampleEvents.Transport());

        var entry = ChainSealer.Seal(null, "ktz", DetachedJws.Sign(chain.Railway, e.CanonicalJson.Span), e, chain.Platform, new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.FromHours(6)));

        Assert.Equal(TimeSpan.Zero, entry.RecordedAt.Offset);
        Assert.Equal(TestChain.Start, entry.RecordedAt);
    }

    [Fact]
    public void Sealing_an_event_of_another_shipment_onto_a_chain_is_a_programming_error()
    {
        using var chain = TestChain.Build(1);
        var json = TestChain.EventJson(1);
        json["shipmentID"] = "SHP-OTHER";
        var e = SampleEvents.Parse(json);

        Assert.Throws<ArgumentException>(() =>
            ChainSealer.Seal(chain.Entries[0], "ktz", DetachedJws.Sign(chain.Railway, e.CanonicalJson.Span), e, chain.Platform, TestChain.Start));
        Assert.Throws<ArgumentException>(() =>
            ChainSealer.Seal(null, "ktz", "not-a-jws", e, chain.Platform, TestChain.Start));
    }

    [Fact]
    public void Entries_out_of_order_are_named_by_their_sequence()
    {
        using var chain = TestChain.Build(4);
        List<ChainEntry> swapped = [chain.Entries[0], chain.Entries[2], chain.Entries[1], chain.Entries[3]];

        var result = chain.Verify(swapped);

        Assert.Equal(3, result.FirstBroken!.Sequence);
        Assert.Equal(1, result.FirstBroken.Index);
        Assert.Equal(chain.Entries[2].EventId, result.FirstBroken.EventId);
        Assert.Contains("sequence 3 where 2 was expected", result.FirstBroken.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.EntriesChecked);
    }

    [Fact]
    public void A_missing_entry_in_the_middle_breaks_the_sequence()
    {
        using var chain = TestChain.Build(4);
        chain.Entries.RemoveAt(1);

        Assert.Contains("sequence 3 where 2 was expected", chain.Verify().FirstBroken!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(3, 0, 3)]
    [InlineData(3, 4, 6)]
    public void A_rewrite_with_recomputed_hashes_is_caught_by_the_last_platform_signature_or_at_the_end_of_its_write_when_all_are_checked(
        int entriesPerWrite, int rewritten, long caughtWithAll)
    {
        // With one entry per write every entry is signed; with three, the rewritten entry's write ends at the signed one.
        using var chain = TestChain.Build(6, entriesPerWrite);
        var entries = chain.Entries.ToList();
        entries[rewritten] = entries[rewritten] with { RecordedAt = entries[rewritten].RecordedAt.AddHours(-6) };
        entries = TestChain.Rehash(entries, rewritten);

        var fast = chain.Verify(entries);
        var thorough = chain.Verify(entries, all: true);

        Assert.Equal(6, fast.FirstBroken!.Sequence);
        Assert.Contains("the platform's signature does not verify", fast.FirstBroken.Reason, StringComparison.Ordinal);
        Assert.Equal(caughtWithAll, thorough.FirstBroken!.Sequence);
        Assert.Contains("the platform's signature does not verify", thorough.FirstBroken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_replaced_and_rehashed_fails_the_authors_signature_at_that_entry()
    {
        using var chain = TestChain.Build(3);
        var json = TestChain.EventJson(1);
        json["emptyIndicatorCode"] = "EMPTY";
        var replaced = chain.Entries.ToList();
        replaced[1] = replaced[1] with { EventJson = SampleEvents.Parse(json).CanonicalJson };

        var result = chain.Verify(TestChain.Rehash(replaced, 1));

        Assert.Equal(2, result.FirstBroken!.Sequence);
        Assert.Contains("the author's signature does not verify", result.FirstBroken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_author_without_a_registered_key_breaks_the_chain()
    {
        using var chain = TestChain.Build(2);
        using var stranger = EventSigningKey.Create();
        chain.Append("ktz", stranger, TestChain.EventJson(2));

        var result = chain.Verify();

        Assert.Equal(3, result.FirstBroken!.Sequence);
        Assert.Equal($"party ktz has no key {stranger.Kid}", result.FirstBroken.Reason);
    }

    [Fact]
    public void Another_partys_key_does_not_sign_for_a_party()
    {
        using var chain = TestChain.Build(1);
        chain.Append("ktz", chain.Terminal, TestChain.EventJson(1));

        Assert.Equal($"party ktz has no key {chain.Terminal.Kid}", chain.Verify().FirstBroken!.Reason);
    }

    [Fact]
    public void A_chain_sealed_by_another_platform_key_does_not_verify()
    {
        using var chain = TestChain.Build(2);
        using var other = EventSigningKey.Create();

        var result = ChainVerifier.Verify(chain.Entries, chain.Keys, other.PublicKey);

        Assert.Equal(1, result.FirstBroken!.Sequence);
        Assert.Contains($"sealed with platform key {chain.Platform.Kid}", result.FirstBroken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_canonical_event_that_is_signed_and_sealed_is_still_refused()
    {
        using var chain = TestChain.Build(0);
        var spaced = Encoding.UTF8.GetBytes(SampleEvents.Transport().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        var e = SampleEvents.Parse(SampleEvents.Transport());
        var entry = ChainSealer.Seal(null, "ktz", DetachedJws.Sign(chain.Railway, spaced), e, chain.Platform, TestChain.Start) with { EventJson = spaced };
        var resealed = entry with { PlatformSignature = DetachedJws.Sign(chain.Platform, entry.CanonicalRecordToSign()) };
        resealed = resealed with { EntryHash = Convert.ToHexStringLower(SHA256.HashData(resealed.CanonicalRecord())) };

        Assert.Equal("the event's JSON is not in canonical form", chain.Verify([resealed]).FirstBroken!.Reason);
    }

    [Fact]
    public void An_entry_whose_event_id_differs_from_its_events_is_refused()
    {
        using var chain = TestChain.Build(2);
        var changed = chain.Entries.ToList();
        changed[0] = changed[0] with { EventId = Guid.Empty };

        var result = chain.Verify(changed);

        Assert.Equal(1, result.FirstBroken!.Sequence);
        Assert.Equal(Guid.Empty, result.FirstBroken.EventId);
    }
    [Fact]
    public void In_writes_of_several_entries_only_the_last_of_each_is_signed_by_the_platform_and_the_chain_verifies()
    {
        using var chain = TestChain.Build(7, entriesPerWrite: 3);

        Assert.Equal([false, false, true, false, false, true, true], chain.Entries.Select(e => e.IsPlatformSigned));
        Assert.DoesNotContain("platformSignature", Encoding.UTF8.GetString(chain.Entries[0].CanonicalRecord()), StringComparison.Ordinal);
        Assert.Contains("\"platformSignature\":", Encoding.UTF8.GetString(chain.Entries[2].CanonicalRecord()), StringComparison.Ordinal);
        Assert.True(chain.Verify().Intact, chain.Verify().FirstBroken?.ToString());
        Assert.True(chain.Verify(all: true).Intact, chain.Verify(all: true).FirstBroken?.ToString());
    }

    [Fact]
    public void A_chain_whose_last_entry_has_no_platform_signature_does_not_verify()
    {
        using var chain = TestChain.Build(3, entriesPerWrite: 3);
        var cut = chain.Entries.Take(2).ToList();

        var result = chain.Verify(cut);

        Assert.Equal(2, result.FirstBroken!.Sequence);
        Assert.Contains("the last entry has no platform signature", result.FirstBroken.Reason, StringComparison.Ordinal);
        Assert.Contains("the last entry has no platform signature", chain.Verify(cut, all: true).FirstBroken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_platform_signature_removed_from_an_entry_before_the_last_breaks_that_entrys_hash()
    {
        using var chain = TestChain.Build(4);
        var stripped = chain.Entries.ToList();
        stripped[1] = stripped[1] with { PlatformSignature = string.Empty };

        var result = chain.Verify(stripped);

        Assert.Equal(2, result.FirstBroken!.Sequence);
        Assert.Contains("entryHash is not the hash of the entry's record", result.FirstBroken.Reason, StringComparison.Ordinal);
    }
}
