using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning;

namespace Caravan.Benchmarks.Planning;

/// <summary>One origin–destination question put to the planner in a benchmark, with its great-circle distance.</summary>
public sealed record PlanningQuery(Locode Origin, Locode Destination, double Km, RouteRequest Request)
{
    /// <summary>The departure every benchmark query uses, so results are repeatable.</summary>
    public static DateTimeOffset Departure { get; } = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public string Label => $"{Origin}→{Destination}";

    public static PlanningQuery Create(CorridorNetwork network, Locode origin, Locode destination, RouteConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var from = network.FindTerminal(origin) ?? throw new ArgumentException($"{origin} is not in the network.", nameof(origin));
        var to = network.FindTerminal(destination) ?? throw new ArgumentException($"{destination} is not in the network.", nameof(destination));
        var container = network.FindContainerType("40HC") ?? network.Reference.ContainerTypes[0];
        var request = new RouteRequest(origin, destination, Departure, [new ContainerLoad(container, 1)])
        {
            Constraints = constraints ?? RouteConstraints.None,
        };
        return new PlanningQuery(origin, destination, from.Position.DistanceKmTo(to.Position), request);
    }

    /// <summary>
    /// <paramref name="count"/> random pairs of distinct terminals at least <paramref name="minKm"/> apart, the same
    /// for the same network and seed.
    /// </summary>
    public static IReadOnlyList<PlanningQuery> Random(CorridorNetwork network, int count, int seed, double minKm = 100)
    {
        ArgumentNullException.ThrowIfNull(network);
        var random = new Random(seed);
        var terminals = network.Terminals;
        var queries = new List<PlanningQuery>(count);
        while (queries.Count < count)
        {
            var a = terminals[random.Next(terminals.Count)];
            var b = terminals[random.Next(terminals.Count)];
            if (a.Locode != b.Locode && a.Position.DistanceKmTo(b.Position) >= minKm)
            {
                queries.Add(Create(network, a.Locode, b.Locode));
            }
        }

        return queries;
    }
}
