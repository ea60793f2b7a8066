using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Hosting;

/// <summary>
/// Loads the corridor network and prepares its planner in the background as the server starts
/// (<see cref="ServerOptions.PreparePlannerOnStart"/>), so the first plan request does not wait for a large network
/// to load. The server takes requests meanwhile; one that needs the planner first waits for the same load.
/// </summary>
public sealed class PlannerWarmup(CorridorNetworkProvider networks, IOptions<ServerOptions> options, ILogger<PlannerWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PreparePlannerOnStart)
        {
            return Task.CompletedTask;
        }

        return Task.Run(
            () =>
            {
                var watch = Stopwatch.StartNew();

                // A network that cannot be loaded is logged by the provider, and every plan request says why.
                if (networks.Planner(out _) is { } planner)
                {
                    planner.Prepare();
                    Log.PlannerReady(logger, planner.Network.Terminals.Count, planner.Network.Services.Count, watch.Elapsed.TotalSeconds);
                }
            },
            stoppingToken);
    }
}
