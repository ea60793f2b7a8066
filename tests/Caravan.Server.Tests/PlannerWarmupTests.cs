using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Tests;

/// <summary>The corridor network is loaded and its planner prepared as the server starts, unless told otherwise.</summary>
public sealed class PlannerWarmupTests
{
    [Fact]
    public async Task The_planner_is_ready_before_any_request_needs_it()
    {
        using var directory = new TempDirectory();
        await using var factory = await StartedAsync(directory, prepare: true);
        var networks = factory.Services.GetRequiredService<CorridorNetworkProvider>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!networks.IsLoaded && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(networks.IsLoaded, "the network was loaded without a plan request");
        Assert.NotNull(networks.Planner(out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public async Task Turned_off_the_network_waits_for_the_first_request_that_needs_it()
    {
        using var directory = new TempDirectory();
        await using var factory = await StartedAsync(directory, prepare: false);
        await Task.Delay(200);

        Assert.False(factory.Services.GetRequiredService<CorridorNetworkProvider>().IsLoaded);
    }

    /// <summary>A server that has answered <c>/healthz</c>, with the planner prepared at start or not.</summary>
    private static async Task<CaravanFactory> StartedAsync(TempDirectory directory, bool prepare)
    {
        var factory = new CaravanFactory(directory.Path, new Dictionary<string, string?> { ["Caravan:Server:PreparePlannerOnStart"] = prepare ? "true" : "false" });
        using var client = factory.WithToken(null);
        Assert.Equal("ok", (await client.GetFromJsonAsync<JsonObject>("/healthz"))!["status"]!.GetValue<string>());
        return factory;
    }
}
