using System.Diagnostics;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using Caravan.Core.Planning.Search;

namespace Caravan.Benchmarks.Latency;

/// <summary>
/// Times the parts of one earliest-arrival query separately, each as <see cref="RoutePlanner"/> runs it for a
/// request without constraints: the time lower bound towards the destination (the destination's side of the
/// precomputed landmark bounds; a per-query Dijkstra only when the planner has no landmarks, and the cost and CO2e
/// bounds only in a Pareto search), the label search with those bounds (which works out each terminal's landmark
/// bound as it first reaches it), and building the
/// itinerary (legs, countries, corridors and the Monte Carlo arrival percentiles of <c>Reliability</c>). The whole
/// <c>Plan</c> call is timed too, on its own, so the parts can be checked against it.
/// </summary>
internal sealed class SearchBreakdown
{
    private readonly RoutePlanner _planner;
    private readonly CorridorNetwork _network;
    private readonly LowerBoundGraph _bounds;
    private readonly SearchWorkspace _workspace;

    public SearchBreakdown(RoutePlanner planner)
    {
        _planner = planner;
        _network = planner.Network;
        _bounds = planner.LowerBounds;
        _workspace = planner.CreateWorkspace();
    }

    /// <summary>Times the bounds, the label search and the itinerary of an earliest-arrival query, then the whole <c>Plan</c> call.</summary>
    public EarliestArrivalParts Measure(RouteRequest request)
    {
        var earliest = request with { Criteria = PlanningCriteria.Arrival };
        var search = _planner.Compile(earliest);

        var watch = Stopwatch.StartNew();
        LabelSearch.PrepareBounds(_bounds, search, _workspace);
        var boundsMs = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        LabelSearch.Run(_network, _bounds, search, _workspace);
        var searchMs = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        var fastest = _workspace.DestinationLabels
            .Where(i => !_workspace.Labels[i].Dominated)
            .OrderBy(i => _workspace.Labels[i].Time)
            .Select(i => (int?)i)
            .FirstOrDefault();
        if (fastest is { } label)
        {
            ItineraryBuilder.Build(_network, _workspace.Labels, label, earliest, search.WindowEnd);
        }

        var itineraryMs = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        _planner.Plan(earliest);
        var planMs = watch.Elapsed.TotalMilliseconds;
        return new EarliestArrivalParts(boundsMs, searchMs, itineraryMs, planMs, _workspace.LabelCount, _workspace.Settled);
    }
}

/// <summary>One earliest-arrival query timed part by part (see <see cref="SearchBreakdown"/>), with its label counts.</summary>
internal sealed record EarliestArrivalParts(double BoundsMs, double SearchMs, double ItineraryMs, double PlanMs, int Labels, int Settled);
