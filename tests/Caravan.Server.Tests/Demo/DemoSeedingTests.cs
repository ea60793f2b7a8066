using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Server.Demo;
using Caravan.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Tests.Demo;

/// <summary>The demo seeded through the real host: tokens file, what each demo party sees, and seeding once per data directory.</summary>
public sealed class DemoSeedingTests
{
    // The moving trackers (DemoTrackersTests) are off here: these tests count exactly the seeded story.
    private static readonly Dictionary<string, string?> DemoOn = new() { ["Caravan:Demo:Enabled"] = "true", ["Caravan:Demo:Trackers:Shipments"] = "0" };

    [Fact]
    public async Task Seeding_writes_one_token_per_demo_party_to_a_file_only_its_owner_can_read()
    {
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path, DemoOn);
        using var admin = factory.Admin();

        var parties = DemoPartiesOf((await admin.GetFromJsonAsync<JsonArray>("/api/parties"))!);

        var tokens = await TokensAsync(directory.Path);
        Assert.Equal(DemoParties.All.Select(p => p.Id.Value).Order(), tokens.Keys.Order());
        Assert.Equal(DemoParties.All.Count, parties.Count);
        Assert.Equal(tokens.Count, tokens.Values.Distinct().Count());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory.Path, DemoOptions.TokensFileName)));
        }
    }

    [Fact]
    public async Task A_demo_partys_token_lists_exactly_the_shipments_it_holds_a_role_in()
    {
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path, DemoOn);
        _ = factory.Server;
        var tokens = await TokensAsync(directory.Path);

        var all = await ListAsync(factory, tokens["demo-forwarder"]);
        Assert.Equal(Enum.GetValues<DemoStage>().Length, all.Count);
        foreach (var (party, token) in tokens)
        {
            var expected = all.Where(s => s["parties"]!.AsArray().Any(p => p!["party"]!.GetValue<string>() == party)).Select(Id).Order().ToList();
            var listed = (await ListAsync(factory, token)).Select(Id).Order().ToList();
            Assert.NotEmpty(listed);
            Assert.Equal(expected, listed);
        }

        var consigneeSees = (await ListAsync(factory, tokens["demo-consignee"])).Select(Id).ToHashSet();
        Assert.True(consigneeSees.Count < all.Count);
        using var consignee = factory.WithToken(tokens["demo-consignee"]);
        foreach (var other in all.Select(Id).Where(id => !consigneeSees.Contains(id)))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await consignee.GetAsync($"/api/shipments/{other}")).StatusCode);
        }

        var (outsider, _) = await factory.PartyAsync("hamburg-fwd", "forwarder", "DE");
        Assert.Empty((await outsider.GetFromJsonAsync<JsonArray>("/api/shipments"))!);
    }

    [Fact]
    public async Task Restarting_on_the_same_data_directory_seeds_nothing_again()
    {
        using var directory = new TempDirectory();
        byte[] tokensFile;
        await using (var first = new CaravanFactory(directory.Path, DemoOn))
        {
            using var admin = first.Admin();
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/parties")).StatusCode);
            tokensFile = await File.ReadAllBytesAsync(Path.Combine(directory.Path, DemoOptions.TokensFileName));
        }

        await using var restarted = new CaravanFactory(directory.Path, DemoOn);
        using (var admin = restarted.Admin())
        {
            Assert.Equal(DemoParties.All.Count, DemoPartiesOf((await admin.GetFromJsonAsync<JsonArray>("/api/parties"))!).Count);
        }

        Assert.Equal(Enum.GetValues<DemoStage>().Length, await restarted.Services.GetRequiredService<IShipmentStore>().CountAsync(CancellationToken.None));
        Assert.Equal(tokensFile, await File.ReadAllBytesAsync(Path.Combine(directory.Path, DemoOptions.TokensFileName)));
        var tokens = await TokensAsync(directory.Path);
        Assert.Equal(Enum.GetValues<DemoStage>().Length, (await ListAsync(restarted, tokens["demo-forwarder"])).Count);
        Assert.Null(await restarted.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Without_the_demo_nothing_is_seeded()
    {
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path);
        using var admin = factory.Admin();

        Assert.Empty(DemoPartiesOf((await admin.GetFromJsonAsync<JsonArray>("/api/parties"))!));
        Assert.False(File.Exists(Path.Combine(directory.Path, DemoOptions.TokensFileName)));
    }

    [Fact]
    public async Task Every_demo_shipment_has_a_signed_chain_that_verifies_and_a_status_derived_from_it()
    {
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path, DemoOn);
        _ = factory.Server;
        var tokens = await TokensAsync(directory.Path);
        using var forwarder = factory.WithToken(tokens["demo-forwarder"]);

        var shipments = await ListAsync(factory, tokens["demo-forwarder"]);
        var statuses = new List<string>();
        foreach (var id in shipments.Select(Id))
        {
            var verification = (await forwarder.GetFromJsonAsync<JsonObject>($"/api/shipments/{id}/verify"))!;
            Assert.True(verification["intact"]!.GetValue<bool>(), $"{id}: {verification.ToJsonString()}");
            Assert.True(verification["entriesChecked"]!.GetValue<int>() > 0, $"{id} has no events");
            var authors = (await forwarder.GetFromJsonAsync<JsonArray>($"/api/shipments/{id}/events"))!
                .Select(e => e!["author"]!["partyID"]!.GetValue<string>())
                .ToHashSet();
            Assert.Contains("demo-forwarder", authors);
            statuses.Add((await forwarder.GetFromJsonAsync<JsonObject>($"/api/shipments/{id}"))!["status"]!.GetValue<string>());
        }

        // One shipment a stage: delivered, waiting at a Caspian port, held by customs, two on the move, one just booked.
        Assert.Single(statuses, s => s == "delivered");
        Assert.Single(statuses, s => s == "held");
        Assert.Single(statuses, s => s == "booked");
        Assert.Equal(3, statuses.Count(s => s is "inTransit" or "atTerminal"));
    }

    private static List<JsonNode?> DemoPartiesOf(JsonArray parties) =>
        parties.Where(p => p!["id"]!.GetValue<string>() != Caravan.Server.Keys.PlatformKeys.PartyId.Value).ToList();

    private static async Task<Dictionary<string, string>> TokensAsync(string dataDirectory)
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dataDirectory, DemoOptions.TokensFileName)))!.AsObject();
        return json.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
    }

    private static async Task<List<JsonNode>> ListAsync(CaravanFactory factory, string token)
    {
        using var client = factory.WithToken(token);
        var response = await client.GetAsync("/api/shipments");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(n => n!).ToList();
    }

    private static string Id(JsonNode shipment) => shipment["id"]!.GetValue<string>();
}
