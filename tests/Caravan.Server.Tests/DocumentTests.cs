using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests;

/// <summary>Documents are stored content-addressed: the same bytes are kept once, named by their SHA-256.</summary>
public sealed class DocumentTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_same_bytes_attached_twice_are_one_file_named_by_their_sha256()
    {
        var (plan, itinerary) = await Api.PlanAsync(server.Forwarder);
        var first = await Api.CreateShipmentAsync(server.Forwarder, Api.ShipmentBody("xian-shipper", "dui-consignee", plan, itinerary, ("ktz", "carrier")));
        var second = await Api.CreateShipmentAsync(server.Forwarder, Api.ShipmentBody("xian-shipper", "dui-consignee", plan, itinerary));
        var bytes = RandomNumberGenerator.GetBytes(50_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var created = await Upload(server.Forwarder, first, "cim-smgs.pdf", bytes);
        var again = await Upload(server.Forwarder, first, "cim-smgs.pdf", bytes);
        var elsewhere = await Upload(server.Forwarder, second, "copy.pdf", bytes);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Equal(sha, (await created.Content.ReadFromJsonAsync<JsonObject>())!["sha256"]!.GetValue<string>());
        var files = Directory.GetFiles(Path.Combine(server.DataDirectory, "documents"), "*", SearchOption.AllDirectories);
        Assert.Equal([Path.Combine(server.DataDirectory, "documents", sha[..2], sha[2..])], files);
        Assert.Single((await server.Carrier.GetFromJsonAsync<JsonArray>($"/api/shipments/{first}/documents"))!);

        var download = await server.Carrier.GetAsync($"/api/shipments/{first}/documents/{sha}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_document_over_the_limit_is_413_and_leaves_no_file()
    {
        using var directory = new TempDirectory();
        await using var factory = new CaravanFactory(directory.Path, new Dictionary<string, string?> { ["Caravan:Server:MaxDocumentBytes"] = "1000" });
        var forwarder = (await factory.PartyAsync("fwd", "forwarder")).Client;
        await factory.PartyAsync("shp", "shipper");
        await factory.PartyAsync("cns", "consignee", "DE");
        var (plan, itinerary) = await Api.PlanAsync(forwarder);
        var id = await Api.CreateShipmentAsync(forwarder, Api.ShipmentBody("shp", "cns", plan, itinerary));

        var response = await Upload(forwarder, id, "big.bin", new byte[1001]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, (await Api.ProblemAsync(response))["status"]!.GetValue<int>());
        var documents = Path.Combine(directory.Path, "documents");
        Assert.Empty(Directory.Exists(documents) ? Directory.GetFiles(documents, "*", SearchOption.AllDirectories) : []);
        Assert.Empty((await forwarder.GetFromJsonAsync<JsonArray>($"/api/shipments/{id}/documents"))!);
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, string shipment, string name, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return client.PostAsync($"/api/shipments/{shipment}/documents?name={name}", content);
    }
}
