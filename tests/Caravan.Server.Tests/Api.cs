using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests;

/// <summary>Test data and calls shared by the suites: parties, tokens, a plan, a valid shipment body to change.</summary>
public static class Api
{
    public const string Origin = "CNXIY";
    public const string Destination = "DEDUI";

    public static HttpClient WithToken(this CaravanFactory factory, string? token)
    {
        var client = factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static HttpClient Admin(this CaravanFactory factory) => factory.WithToken(CaravanFactory.AdminToken);

    /// <summary>Registers a party and issues a token for it; returns a client acting for it.</summary>
    public static async Task<(HttpClient Client, string Token)> PartyAsync(this CaravanFactory factory, string id, string kind, string country = "CN")
    {
        using var admin = factory.Admin();
        var created = await admin.PostAsJsonAsync("/api/parties", new { id, name = $"Party {id}", country, kind });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var issued = await admin.PostAsJsonAsync($"/api/parties/{id}/tokens", new { label = "tests" });
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        var token = (await issued.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        return (factory.WithToken(token), token);
    }

    public static JsonObject PlanRequest() => new()
    {
        ["from"] = Origin,
        ["to"] = Destination,
        ["earliestDeparture"] = "2026-12-01T00:00:00Z",
    };

    /// <summary>Plans <see cref="PlanRequest"/> and returns the echoed request and the first itinerary's id.</summary>
    public static async Task<(JsonObject Request, string ItineraryId)> PlanAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/plan", PlanRequest());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var plan = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (plan["request"]!.AsObject(), plan["itineraries"]![0]!["itineraryId"]!.GetValue<string>());
    }

    /// <summary>A valid shipment body from <paramref name="consignor"/> to <paramref name="consignee"/> on the planned itinerary.</summary>
    public static JsonObject ShipmentBody(string consignor, string consignee, JsonObject plan, string itineraryId, params (string Party, string Role)[] parties) => new()
    {
        ["parties"] = new JsonArray(parties.Select(p => (JsonNode)new JsonObject { ["party"] = p.Party, ["role"] = p.Role }).ToArray()),
        ["consignment"] = new JsonObject
        {
            ["consignor"] = consignor,
            ["consignee"] = consignee,
            ["placeOfTakingOver"] = Origin,
            ["placeOfDelivery"] = Destination,
            ["goodsDescription"] = "Laptop computers",
            ["hsCode"] = "8471.30",
            ["numberOfPackages"] = 120,
            ["grossMassKg"] = 9800.5,
        },
        ["containers"] = new JsonArray(new JsonObject
        {
            ["number"] = "CSQU3054383",
            ["seals"] = new JsonArray(new JsonObject { ["number"] = "KZ1234567", ["source"] = "carrier" }),
        }),
        ["itinerary"] = new JsonObject { ["plan"] = plan.DeepClone(), ["itineraryId"] = itineraryId },
    };

    public static async Task<string> CreateShipmentAsync(HttpClient client, JsonObject body)
    {
        var response = await client.PostAsync("/api/shipments", Json(body));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
