using Caravan.Core.Network;
using Caravan.Core.Planning;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Hosting;

/// <summary>
/// The corridor network and its planner, loaded once on first use from <see cref="ServerOptions.NetworkDirectory"/>
/// (the CLI's layout: network CSVs in DIR, reference files in DIR/../reference). A network with problems leaves the
/// planner unavailable and says why.
/// </summary>
public sealed class CorridorNetworkProvider
{
    private readonly Lazy<(RoutePlanner? Planner, string? Problem)> _loaded;

    public CorridorNetworkProvider(IOptions<ServerOptions> options, ILogger<CorridorNetworkProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = options.Value.ResolveNetworkDirectory();
        _loaded = new Lazy<(RoutePlanner?, string?)>(() => Load(directory, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The planner, or null with the reason the network could not be loaded.</summary>
    public RoutePlanner? Planner(out string? problem)
    {
        (var planner, problem) = _loaded.Value;
        return planner;
    }

    /// <summary>Whether the network has been loaded (or found unusable) already.</summary>
    public bool IsLoaded => _loaded.IsValueCreated;

    private static (RoutePlanner?, string?) Load(string directory, ILogger logger)
    {
        if (!Directory.Exists(directory))
        {
            var missing = $"the network directory '{directory}' does not exist";
            Log.NetworkUnavailable(logger, directory, missing);
            return (null, missing);
        }

        string PathOf(string name) => NetworkFileNames.PathIn(directory, name);
        var result = CorridorNetworkLoader.Load(new NetworkSource(name => File.Exists(PathOf(name)) ? File.OpenText(PathOf(name)) : null, PathOf));
        if (result.Network is null)
        {
            var problem = $"the network in '{directory}' has {result.Problems.Count} problem(s), first {result.Problems[0]}";
            Log.NetworkUnavailable(logger, directory, problem);
            return (null, problem);
        }

        return (new RoutePlanner(result.Network), null);
    }
}
