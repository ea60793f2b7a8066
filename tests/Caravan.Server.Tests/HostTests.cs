using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests;

/// <summary>What the host serves without a token: health, the OpenAPI document and its browsable reference; unknown routes as problems.</summary>
public sealed class HostTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Healthz_answers_ok_without_a_token()
    {
        using var client = server.Factory.WithToken(null);
        var health = await client.GetFromJsonAsync<JsonObject>("/healthz");

        Assert.Equal("ok", health!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint_and_the_bearer_scheme()
    {
        using var client = server.Factory.WithToken(null);
        var document = await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToList();

        foreach (var path in new[] { "/api/parties", "/api/parties/{id}/tokens", "/api/tokens/{tokenId}", "/api/plan", "/api/shipments", "/api/shipments/{id}", "/api/shipments/{id}/documents", "/api/shipments/{id}/documents/{sha256}", "/healthz" })
        {
            Assert.Contains(path, paths);
        }

        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_browsable_reference_at_docs_is_served_from_the_assembly()
    {
        using var client = server.Factory.WithToken(null);
        var page = await client.GetAsync("/docs/index.html");
        var script = await client.GetAsync("/docs/swagger-ui-bundle.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger-ui-bundle.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_detail_not_a_page()
    {
        using var client = server.Factory.WithToken(null);
        var response = await client.GetAsync("/no/such/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await Api.ProblemAsync(response))["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_plan_request_with_bad_fields_names_each_of_them()
    {
        var response = await server.Forwarder.PostAsJsonAsync("/api/plan", new { from = "CNXIY", to = "ZZZZZ", modes = new[] { "air" }, containers = new[] { new { type = "99XX", count = 1 } } });

        var errors = (await Api.ProblemAsync(response))["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["$.containers[0].type", "$.modes[0]", "$.to"], errors);
    }
}
