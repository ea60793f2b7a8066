using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Events;
using Caravan.Storage;
using Microsoft.Data.Sqlite;

namespace Caravan.Server.Tests.Events;

/// <summary>
/// Any stored byte of an entry changed by SQL on the database file is caught by <c>/verify</c>, which names the entry,
/// and by the offline verifier on the exported bundle (what <c>caravan verify</c> runs).
/// </summary>
public sealed class TamperingTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    public static TheoryData<string, string> Changes() => new()
    {
        { "event_json", "CAST(replace(CAST(event_json AS TEXT), 'KZDSK', 'KZDSL') AS BLOB)" },
        { "author_signature", Flip("author_signature") },
        { "author_kid", Flip("author_kid") },
        { "author_party_id", "'aktau-port'" },
        { "previous_hash", Flip("previous_hash") },
        { "recorded_at", "replace(recorded_at, '2026', '2025')" },
        { "platform_signature", Flip("platform_signature") },
        { "entry_hash", Flip("entry_hash") },
        { "event_id", "'00000000-0000-4000-8000-000000000000'" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_changed_column_of_entry_2_is_named_by_verify_and_by_the_bundle(string column, string expression)
    {
        var shipment = await ChainOfThreeAsync();

        await ExecuteAsync($"UPDATE events SET {column} = {expression} WHERE shipment_id = $id AND sequence = 2", shipment);

        var verify = (await record.Client("forwarder").GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}/verify"))!;
        Assert.False(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.Equal(2, verify["firstBroken"]!["sequence"]!.GetValue<long>());
        Assert.Equal(1, verify["entriesChecked"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(verify["firstBroken"]!["reason"]!.GetValue<string>()));

        var bundle = await BundleAsync(shipment);
        var offline = bundle.Verify();
        Assert.False(offline.Intact);
        Assert.Equal(2, offline.FirstBroken!.Sequence);
    }

    [Fact]
    public async Task An_untouched_chain_verifies_online_and_offline()
    {
        var shipment = await ChainOfThreeAsync();

        var verify = (await record.Client("forwarder").GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}/verify"))!;
        var bundle = await BundleAsync(shipment);

        Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.Equal(3, verify["entriesChecked"]!.GetValue<int>());
        Assert.Null(verify["firstBroken"]);
        Assert.True(bundle.Verify(verifyAllPlatformSignatures: true).Intact);
        Assert.Equal(3, bundle.Entries.Count);
        Assert.Equal(["steppe-rail"], bundle.Keys.Select(k => k.PartyId).Distinct());
    }

    [Fact]
    public async Task Removing_the_last_entry_is_caught_by_verify_against_the_recorded_length()
    {
        var shipment = await ChainOfThreeAsync();

        await ExecuteAsync("DELETE FROM events WHERE shipment_id = $id AND sequence = 3", shipment);

        var verify = (await record.Client("forwarder").GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}/verify"))!;
        Assert.False(verify["intact"]!.GetValue<bool>());
        Assert.Equal(3, verify["firstBroken"]!["sequence"]!.GetValue<long>());
        Assert.Contains("2 entries but 3 were sealed", verify["firstBroken"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bundle_is_an_attachment_named_after_the_shipment()
    {
        var shipment = await ChainOfThreeAsync();

        var response = await record.Client("consignee").GetAsync($"/api/shipments/{shipment}/bundle");

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{shipment}.bundle.json", response.Content.Headers.ContentDisposition?.FileName);
    }

    private static string Flip(string column) =>
        $"substr({column}, 1, length({column}) - 1) || CASE WHEN substr({column}, -1) = 'A' THEN 'B' ELSE 'A' END";

    private async Task<string> ChainOfThreeAsync()
    {
        var shipment = await record.NewShipmentAsync();
        foreach (var (code, minute) in new[] { ("DEPA", 0), ("ARRI", 60), ("DEPA", 120) })
        {
            await EventApi.AppendAsync(record.Client("carrier"), shipment, EventApi.Event(shipment, "TRANSPORT", code, minute: minute), record.Key("carrier"));
        }

        return shipment;
    }

    private async Task<EventBundle> BundleAsync(string shipment)
    {
        var bytes = await record.Client("forwarder").GetByteArrayAsync($"/api/shipments/{shipment}/bundle");
        var read = EventBundle.TryRead(bytes);
        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        return read.Bundle!;
    }

    private async Task ExecuteAsync(string sql, string shipment)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(record.DataDirectory, StorageOptions.DatabaseFileName)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", shipment);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
