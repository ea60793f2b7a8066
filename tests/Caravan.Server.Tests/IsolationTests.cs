using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests;

/// <summary>A party never sees a shipment it holds no role in, through any endpoint; it gets the same 404 as for no shipment.</summary>
public sealed class IsolationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Another_forwarders_shipment_is_invisible_through_every_endpoint()
    {
        var (plan, itinerary) = await Api.PlanAsync(server.Forwarder);
        var id = await Api.CreateShipmentAsync(server.Forwarder, Api.ShipmentBody("xian-shipper", "dui-consignee", plan, itinerary, ("ktz", "carrier")));
        var upload = await server.Forwarder.PostAsync($"/api/shipments/{id}/documents?name=cim.pdf", new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.7 note")));
        var sha = (await upload.Content.ReadFromJsonAsync<JsonObject>())!["sha256"]!.GetValue<string>();
        var outsider = server.OtherForwarder;

        var list = await outsider.GetFromJsonAsync<JsonArray>("/api/shipments");
        Assert.DoesNotContain(list!, s => s!["id"]!.GetValue<string>() == id);
        foreach (var response in new[]
        {
            await outsider.GetAsync($"/api/shipments/{id}"),
            await outsider.GetAsync($"/api/shipments/{id}/documents"),
            await outsider.GetAsync($"/api/shipments/{id}/documents/{sha}"),
            await outsider.PostAsync($"/api/shipments/{id}/documents?name=x.txt", new ByteArrayContent([1, 2, 3])),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var absent = await Api.ProblemAsync(await outsider.GetAsync("/api/shipments/CRV-0000000000"));
        var hidden = await Api.ProblemAsync(await outsider.GetAsync($"/api/shipments/{id}"));
        Assert.Equal(absent["title"]!.GetValue<string>(), hidden["title"]!.GetValue<string>());
        Assert.Equal(absent["detail"]!.GetValue<string>().Replace("CRV-0000000000", id, StringComparison.Ordinal), hidden["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_party_in_a_role_sees_the_shipment_with_its_own_roles()
    {
        var (plan, itinerary) = await Api.PlanAsync(server.Forwarder);
        var id = await Api.CreateShipmentAsync(server.Forwarder, Api.ShipmentBody("xian-shipper", "dui-consignee", plan, itinerary, ("ktz", "carrier"), ("kz-customs", "customsAuthority")));

        foreach (var (client, role) in new[] { (server.Forwarder, "forwarder"), (server.Shipper, "shipper"), (server.Consignee, "consignee"), (server.Carrier, "carrier"), (server.Customs, "customsAuthority") })
        {
            var shipment = await client.GetFromJsonAsync<JsonObject>($"/api/shipments/{id}");
            Assert.Equal([role], shipment!["yourRoles"]!.AsArray().Select(r => r!.GetValue<string>()));
            Assert.Contains((await client.GetFromJsonAsync<JsonArray>("/api/shipments"))!, s => s!["id"]!.GetValue<string>() == id);
        }
    }
}
