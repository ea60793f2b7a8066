using BenchmarkDotNet.Attributes;
using Caravan.Benchmarks.Synthetic;
using Caravan.Core.Network;
using Caravan.Core.Planning;

namespace Caravan.Benchmarks.Planning;

/// <summary>
/// The planner on the synthetic continental network (20,000 terminals, 100,000 links, 1,000,000 weekly
/// departures, built in memory): a fixed set of random O-D pairs 100–400 km apart, answered by a plain static
/// Dijkstra on link travel times (the baseline), the earliest-arrival search and the Pareto search. Each
/// operation is one query; the Ratio column compares each with the baseline. Longer pairs are measured by the
/// <c>latency</c> mode, which can stop a Pareto search that runs too long.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class ContinentalPlanningBenchmarks
{
    private const int Queries = 8;

    private RoutePlanner _planner = null!;
    private StaticDijkstra _dijkstra = null!;
    private IReadOnlyList<PlanningQuery> _queries = [];

    [GlobalSetup]
    public void Setup()
    {
        CorridorNetwork network = ContinentalNetworkGenerator.Generate(ContinentalNetworkOptions.Default).Compile();
        _planner = new RoutePlanner(network);
        _dijkstra = new StaticDijkstra(network);
        _queries = PlanningQuery.Random(network, 2_000, seed: 7).Where(q => q.Km <= 400).Take(Queries).ToList();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Queries)]
    public int StaticDijkstra()
    {
        var total = 0;
        foreach (var q in _queries)
        {
            total += _dijkstra.Minutes(q.Origin, q.Destination);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int EarliestArrival()
    {
        var found = 0;
        foreach (var q in _queries)
        {
            found += _planner.EarliestArrival(q.Request) is null ? 0 : 1;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int Pareto()
    {
        var itineraries = 0;
        foreach (var q in _queries)
        {
            itineraries += _planner.Plan(q.Request).Itineraries.Count;
        }

        return itineraries;
    }
}
