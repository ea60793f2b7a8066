using BenchmarkDotNet.Attributes;
using Caravan.Benchmarks.Synthetic;
using Caravan.Core.Geography;
using Caravan.Core.Planning;

namespace Caravan.Benchmarks.Planning;

/// <summary>
/// Earliest-arrival and Pareto queries on the default corridor network (data/network, copied beside the
/// benchmark), for the routes users ask most: Chongqing and Xi'an to Duisburg (the latter avoiding Russia and
/// Belarus) and Shanghai to Rotterdam. The Ratio column is Pareto / earliest arrival on the same query.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class DefaultNetworkPlanningBenchmarks
{
    private RoutePlanner _planner = null!;
    private RouteRequest _request = null!;

    [Params("CNCKG-DEDUI", "CNXIY-DEDUI-avoid-RU-BY", "CNSHA-NLRTM")]
    public string Query { get; set; } = "CNCKG-DEDUI";

    [GlobalSetup]
    public void Setup()
    {
        var network = NetworkDirectory.Load(Path.Combine(AppContext.BaseDirectory, "data", "network"));
        _planner = new RoutePlanner(network);
        var parts = Query.Split('-');
        var constraints = parts.Length > 2
            ? RouteConstraints.None with { AvoidCountries = parts.Skip(3).Select(CountryCode.Parse).ToHashSet() }
            : RouteConstraints.None;
        _request = PlanningQuery.Create(network, Locode.Parse(parts[0]), Locode.Parse(parts[1]), constraints).Request;
        if (!_planner.Plan(_request).Found)
        {
            throw new InvalidOperationException($"the default network has no route for {Query}");
        }
    }

    [Benchmark(Baseline = true)]
    public Itinerary? EarliestArrival() => _planner.EarliestArrival(_request);

    [Benchmark]
    public PlanResult Pareto() => _planner.Plan(_request);
}
