using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests;

/// <summary>401 (no usable token) and 403 (a known caller lacking a right) are distinct and say why.</summary>
public sealed class AccessTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_request_without_a_token_is_401_with_a_bearer_challenge_and_a_problem_detail()
    {
        using var client = server.Factory.WithToken(null);
        var response = await client.GetAsync("/api/shipments");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var problem = await Api.ProblemAsync(response);
        Assert.Equal(401, problem["status"]!.GetValue<int>());
        Assert.Contains("needs a bearer token", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_is_401_saying_it_is_not_known()
    {
        using var client = server.Factory.WithToken("not-a-token-this-server-issued");
        var response = await client.GetAsync("/api/shipments");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("not known", (await Api.ProblemAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_is_401_saying_it_was_revoked()
    {
        var (client, token) = await server.Factory.PartyAsync("revoked-party", "carrier", "GE");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/shipments")).StatusCode);
        using var admin = server.Factory.Admin();
        var tokens = await admin.GetFromJsonAsync<JsonArray>("/api/parties/revoked-party/tokens");
        var id = tokens![0]!["id"]!.GetValue<string>();
        Assert.Null(tokens[0]!["token"]);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/tokens/{id}")).StatusCode);

        var response = await client.GetAsync("/api/shipments");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("revoked", (await Api.ProblemAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(token);
    }

    [Fact]
    public async Task A_party_token_on_an_admin_endpoint_is_403_naming_the_admin_right()
    {
        var response = await server.Forwarder.GetAsync("/api/parties");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("admin right", (await Api.ProblemAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_token_on_a_shipment_endpoint_is_403_asking_for_a_party_token()
    {
        using var admin = server.Factory.Admin();
        var response = await admin.GetAsync("/api/shipments");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("party's token", (await Api.ProblemAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_carrier_booking_a_shipment_is_403_naming_the_kinds_that_may()
    {
        var (plan, itinerary) = await Api.PlanAsync(server.Carrier);
        var body = Api.ShipmentBody("xian-shipper", "dui-consignee", plan, itinerary);

        var response = await server.Carrier.PostAsync("/api/shipments", Api.Json(body));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var detail = (await Api.ProblemAsync(response))["detail"]!.GetValue<string>();
        Assert.Contains("forwarder or shipper", detail, StringComparison.Ordinal);
        Assert.Contains("carrier", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_says_whom_a_token_acts_for()
    {
        var me = await server.Customs.GetFromJsonAsync<JsonObject>("/api/me");
        using var admin = server.Factory.Admin();
        var operatorMe = await admin.GetFromJsonAsync<JsonObject>("/api/me");

        Assert.Equal("kz-customs", me!["party"]!["id"]!.GetValue<string>());
        Assert.Equal("customsAuthority", me["party"]!["kind"]!.GetValue<string>());
        Assert.True(operatorMe!["admin"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Registering_a_party_twice_is_409_and_a_bad_party_names_each_field()
    {
        using var admin = server.Factory.Admin();
        var duplicate = await admin.PostAsJsonAsync("/api/parties", new { id = "ktz", name = "KTZ", country = "KZ", kind = "carrier" });
        var bad = await admin.PostAsJsonAsync("/api/parties", new { id = "-x", name = "", country = "Kazakhstan", kind = "railway" });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Api.ProblemAsync(bad))["errors"]!.AsObject();
        Assert.Equal(["$.country", "$.id", "$.kind", "$.name"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }
}
