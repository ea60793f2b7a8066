using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Caravan.Core.Shipments;
using Caravan.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Tests;

/// <summary>Booking shipments: what is stored, and that every malformed request is a problem detail that writes nothing.</summary>
public sealed class ShipmentTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private IShipmentStore Store => server.Factory.Services.GetRequiredService<IShipmentStore>();

    [Fact]
    public async Task A_forwarder_books_a_shipment_on_the_itinerary_it_chose_and_reads_it_back()
    {
        var response = await server.Forwarder.PostAsJsonAsync("/api/plan", Api.PlanRequest());
        var plan = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var itineraries = plan["itineraries"]!.AsArray();
        Assert.True(itineraries.Count >= 2, "the default network offers several itineraries Xi'an → Duisburg");
        var chosen = itineraries[^1]!;
        var body = Api.ShipmentBody("xian-shipper", "dui-consignee", plan["request"]!.AsObject(), chosen["itineraryId"]!.GetValue<string>(), ("ktz", "carrier"));

        var id = await Api.CreateShipmentAsync(server.Forwarder, body);
        var shipment = (await server.Forwarder.GetFromJsonAsync<JsonObject>($"/api/shipments/{id}"))!;

        Assert.Equal(chosen.ToJsonString(), shipment["itinerary"]!.ToJsonString());
        Assert.Equal("xian-fwd", shipment["createdBy"]!.GetValue<string>());
        Assert.Equal(server.Factory.Clock.GetUtcNow(), shipment["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("847130", shipment["consignment"]!["hsCode"]!.GetValue<string>());
        Assert.Equal("CSQU3054383", shipment["containers"]![0]!["number"]!.GetValue<string>());
        Assert.Equal("carrier", shipment["containers"]![0]!["seals"]![0]!["source"]!.GetValue<string>());
        Assert.Equal("booked", shipment["status"]!.GetValue<string>());
        Assert.Null(shipment["latestEvent"]);
        var roles = shipment["parties"]!.AsArray().Select(p => $"{p!["party"]}:{p["role"]}").Order(StringComparer.Ordinal);
        Assert.Equal(["dui-consignee:consignee", "ktz:carrier", "xian-fwd:forwarder", "xian-shipper:shipper"], roles);
    }

    [Fact]
    public async Task The_same_plan_request_gives_the_same_itinerary_ids()
    {
        var first = await Api.PlanAsync(server.Shipper);
        var second = await Api.PlanAsync(server.Forwarder);

        Assert.Equal(first.ItineraryId, second.ItineraryId);
        Assert.StartsWith("it-", first.ItineraryId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.consignment.placeOfTakingOver", "consignment", "placeOfTakingOver", "XIAN")]
    [InlineData("$.consignment.placeOfDelivery", "consignment", "placeOfDelivery", "DE1UI")]
    [InlineData("$.consignment.placeOfDelivery", "consignment", "placeOfDelivery", "KZDSK")]
    [InlineData("$.consignment.placeOfTakingOver", "consignment", "placeOfTakingOver", "PLMAL")]
    [InlineData("$.consignment.hsCode", "consignment", "hsCode", "84A1.30")]
    [InlineData("$.consignment.consignee", "consignment", "consignee", "nobody-registered")]
    [InlineData("$.consignment.consignor", "consignment", "consignor", "ktz")]
    [InlineData("$.containers[0].number", "containers", "number", "CSQU3054384")]
    [InlineData("$.containers[0].seals[0].source", "containers", "seals", "notary")]
    [InlineData("$.parties[0].party", "parties", "party", "unknown-party")]
    [InlineData("$.parties[0].role", "parties", "role", "shipper")]
    [InlineData("$.itinerary.itineraryId", "itinerary", "itineraryId", "it-000000000000000000000000")]
    [InlineData("$.itinerary.plan.from", "plan", "from", "XXXXX")]
    public async Task A_bad_field_is_a_problem_detail_naming_it_and_nothing_is_written(string path, string part, string field, string value)
    {
        var (plan, itinerary) = await Api.PlanAsync(server.Forwarder);
        var body = Api.ShipmentBody("xian-shipper", "dui-consignee", plan, itinerary, ("ktz", "carrier"));
        switch (part)
        {
            case "consignment":
                body["consignment"]![field] = value;
                break;
            case "containers" when field == "seals":
                body["containers"]![0]!["seals"]![0]!["source"] = value;
                break;
            case "containers":
                body["containers"]![0]![field] = value;
                break;
            case "parties":
                body["parties"]![0]![field] = value;
                break;
            case "itinerary":
                body["itinerary"]![field] = value;
                break;
            default:
                body["itinerary"]!["plan"]![field] = value;
                break;
        }

        await AssertRejectedAsync(Api.Json(body), HttpStatusCode.BadRequest, path);
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_detail_and_nothing_is_written()
    {
        await AssertRejectedAsync(new StringContent("{\"parties\": [", Encoding.UTF8, "application/json"), HttpStatusCode.BadRequest, "$.parties[0]");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_problem_detail_naming_its_path()
    {
        var (plan, itinerary) = await Api.PlanAsync(server.Forwarder);
        var body = Api.ShipmentBody("xian-shipper", "dui-consignee", plan, itinerary);
        body["consignment"]!["numberOfPackages"] = "many";

        await AssertRejectedAsync(Api.Json(body), HttpStatusCode.BadRequest, "$.consignment.numberOfPackages");
    }

    [Fact]
    public async Task A_client_edited_itinerary_is_refused_as_an_unknown_field()
    {
        var (plan, itinerary) = await Api.PlanAsync(server.Forwarder);
        var body = Api.ShipmentBody("xian-shipper", "dui-consignee", plan, itinerary);
        body["itinerary"]!["legs"] = new JsonArray();

        await AssertRejectedAsync(Api.Json(body), HttpStatusCode.BadRequest, "$.itinerary.legs");
    }

    [Fact]
    public async Task An_oversized_body_is_413_as_a_problem_detail_and_nothing_is_written()
    {
        var (plan, itinerary) = await Api.PlanAsync(server.Forwarder);
        var body = Api.ShipmentBody("xian-shipper", "dui-consignee", plan, itinerary);
        body["consignment"]!["goodsDescription"] = new string('x', 70_000);

        await AssertRejectedAsync(Api.Json(body), HttpStatusCode.RequestEntityTooLarge, path: null);
    }

    private async Task AssertRejectedAsync(HttpContent content, HttpStatusCode status, string? path)
    {
        var before = await Store.CountAsync(CancellationToken.None);
        var parties = await server.Factory.Services.GetRequiredService<IPartyStore>().ListAsync(CancellationToken.None);

        var response = await server.Forwarder.PostAsync("/api/shipments", content);

        var problem = await Api.ProblemAsync(response);
        Assert.True(status == response.StatusCode, problem.ToJsonString());
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.DoesNotContain("   at ", problem.ToJsonString(), StringComparison.Ordinal);
        if (path is not null)
        {
            Assert.True(problem["errors"]!.AsObject().ContainsKey(path), problem.ToJsonString());
        }

        Assert.Equal(before, await Store.CountAsync(CancellationToken.None));
        var after = await server.Factory.Services.GetRequiredService<IPartyStore>().ListAsync(CancellationToken.None);
        Assert.Equal(parties.Count, after.Count);
        Assert.Empty(await Store.ListForPartyAsync(PartyId.Parse("hamburg-fwd"), CancellationToken.None));
    }
}
