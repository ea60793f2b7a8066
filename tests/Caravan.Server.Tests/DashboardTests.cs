using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Caravan.Server.Tests;

/// <summary>The dashboard's page at <c>/</c> and its addresses, without swallowing the API's 404s.</summary>
public sealed class DashboardTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private HttpClient Browser()
    {
        var client = server.Factory.WithToken(null);
        // What a browser's navigation asks for.
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.8));
        return client;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/plan")]
    [InlineData("/sign-in")]
    public async Task A_browser_gets_the_dashboard_page_at_its_addresses(string path)
    {
        using var client = Browser();
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Caravan</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/v2/no-such-thing")]
    [InlineData("/openapi/no-such-thing")]
    [InlineData("/healthz/no-such-thing")]
    [InlineData("/assets/no-such-file.js")]
    public async Task API_paths_and_missing_files_stay_404_problems_even_for_a_browser(string path)
    {
        using var client = Browser();
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_page_names_its_script_and_the_script_is_served()
    {
        using var client = Browser();
        var page = await client.GetStringAsync("/");
        var script = Regex.Match(page, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        var response = await client.GetAsync(script);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }
}
