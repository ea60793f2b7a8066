using Caravan.Core.Network;
using Caravan.Core.Planning;

namespace Caravan.Core.Tests.DefaultNetwork;

/// <summary>Loads the shipped corridor network (data/network, copied beside the tests) once for a test class.</summary>
public sealed class DefaultNetworkFixture
{
    public DefaultNetworkFixture()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "data", "network");
        Result = CorridorNetworkLoader.Load(new NetworkSource(
            name => File.Exists(NetworkFileNames.PathIn(directory, name)) ? File.OpenText(NetworkFileNames.PathIn(directory, name)) : null,
            name => NetworkFileNames.PathIn("data/network", name)));
        if (Result.Network is { } network)
        {
            Planner = new RoutePlanner(network);
        }
    }

    public NetworkLoadResult Result { get; }

    public RoutePlanner? Planner { get; }

    public CorridorNetwork Network => Result.Network ?? throw new InvalidOperationException(
        "The default network did not load:" + Environment.NewLine + string.Join(Environment.NewLine, Result.Problems));

    public RoutePlanner RoutePlanner => Planner ?? throw new InvalidOperationException("The default network did not load.");
}
