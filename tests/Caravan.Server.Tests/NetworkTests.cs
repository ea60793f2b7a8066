using System.Net;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests;

/// <summary><c>GET /api/network</c>: the corridor network as GeoJSON for the dashboard's map, behind a token.</summary>
public sealed class NetworkTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_network_is_a_GeoJSON_FeatureCollection_of_terminals_and_links()
    {
        var response = await server.Consignee.GetAsync("/api/network");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var collection = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("FeatureCollection", collection["type"]!.GetValue<string>());
        var features = collection["features"]!.AsArray().Select(f => f!.AsObject()).ToList();
        var terminals = features.Where(f => f["properties"]!["featureType"]!.GetValue<string>() == "terminal").ToList();
        var links = features.Where(f => f["properties"]!["featureType"]!.GetValue<string>() == "link").ToList();
        Assert.Equal(features.Count, terminals.Count + links.Count);
        Assert.All(terminals, t => Assert.Equal("Point", t["geometry"]!["type"]!.GetValue<string>()));
        Assert.All(links, l => Assert.Equal("LineString", l["geometry"]!["type"]!.GetValue<string>()));
        Assert.Equal(["ferry", "rail", "road", "sea"], links.Select(l => l["properties"]!["mode"]!.GetValue<string>()).Distinct().Order().ToArray());
    }

    [Fact]
    public async Task A_terminal_carries_its_LOCODE_dwell_gauges_and_the_services_calling_there()
    {
        var collection = JsonNode.Parse(await server.Forwarder.GetStringAsync("/api/network"))!;
        var aktau = collection["features"]!.AsArray().Single(f => f!["properties"]!["locode"]?.GetValue<string>() == "KZAKT")!;
        var chongqing = collection["features"]!.AsArray().Single(f => f!["properties"]!["locode"]?.GetValue<string>() == "CNCKG")!;

        Assert.Equal("ferry_port", aktau["properties"]!["kind"]!.GetValue<string>());
        Assert.True(aktau["properties"]!["dwellP90Hours"]!.GetValue<double>() >= aktau["properties"]!["dwellP50Hours"]!.GetValue<double>());
        Assert.Contains(aktau["properties"]!["services"]!.AsArray(), s => s!.GetValue<string>().Contains("Caspian", StringComparison.Ordinal));
        var longitude = chongqing["geometry"]!["coordinates"]![0]!.GetValue<double>();
        Assert.InRange(longitude, 100, 110);
    }

    [Fact]
    public async Task The_network_needs_a_token()
    {
        using var client = server.Factory.WithToken(null);
        var response = await client.GetAsync("/api/network");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await Api.ProblemAsync(response))["status"]!.GetValue<int>());
    }
}
