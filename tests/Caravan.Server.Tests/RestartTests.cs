using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests;

/// <summary>Stopping the server and starting a new one on the same data directory keeps everything.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Parties_tokens_shipments_and_documents_survive_a_restart()
    {
        using var directory = new TempDirectory();
        string id;
        string token;
        string sha;
        JsonObject before;
        await using (var factory = new CaravanFactory(directory.Path))
        {
            (var forwarder, token) = await factory.PartyAsync("fwd", "forwarder");
            await factory.PartyAsync("shp", "shipper");
            await factory.PartyAsync("cns", "consignee", "DE");
            var (plan, itinerary) = await Api.PlanAsync(forwarder);
            id = await Api.CreateShipmentAsync(forwarder, Api.ShipmentBody("shp", "cns", plan, itinerary));
            var upload = await forwarder.PostAsync($"/api/shipments/{id}/documents?name=invoice.txt", new ByteArrayContent([1, 2, 3, 4]));
            sha = (await upload.Content.ReadFromJsonAsync<JsonObject>())!["sha256"]!.GetValue<string>();
            before = (await forwarder.GetFromJsonAsync<JsonObject>($"/api/shipments/{id}"))!;
        }

        await using (var restarted = new CaravanFactory(directory.Path))
        {
            using var forwarder = restarted.WithToken(token);
            var after = await forwarder.GetFromJsonAsync<JsonObject>($"/api/shipments/{id}");
            Assert.Equal(before.ToJsonString(), after!.ToJsonString());
            var document = await forwarder.GetAsync($"/api/shipments/{id}/documents/{sha}");
            Assert.Equal(HttpStatusCode.OK, document.StatusCode);
            Assert.Equal([1, 2, 3, 4], await document.Content.ReadAsByteArrayAsync());
            using var admin = restarted.Admin();
            // The three registered here and the platform party, caravan, created at first start.
            Assert.Equal(4, (await admin.GetFromJsonAsync<JsonArray>("/api/parties"))!.Count);
        }
    }
}
