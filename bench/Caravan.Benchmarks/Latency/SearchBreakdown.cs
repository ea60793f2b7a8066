using System.Diagnostics;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using Caravan.Core.Planning.Search;

namespace Caravan.Benchmarks.Latency;

/// <summary>
/// Times the parts of one planner query separately — the three lower-bound Dijkstras towards the destination,
/// the label search itself — by calling the planner's internal search as <see cref="RoutePlanner"/> does for a
/// request without constraints. What a full query takes beyond the search is building the itineraries
/// (including the Monte Carlo arrival percentiles of <c>Reliability</c>).
/// </summary>
internal sealed class SearchBreakdown
{
    private readonly CorridorNetwork _network;
    private readonly LowerBoundGraph _bounds;
    private readonly SearchWorkspace _workspace;
    private readonly bool[] _allModes = Enum.GetValues<TransportMode>().Select(_ => true).ToArray();

    public SearchBreakdown(CorridorNetwork network)
    {
        _network = network;
        _bounds = new LowerBoundGraph(network);
        _workspace = new SearchWorkspace(network.Terminals.Count, network.Services.Count, network.DwellP50Minutes);
    }

    /// <summary>Times the lower bounds, the label search, and the whole <c>Plan</c> call right after them.</summary>
    public (double BoundsMs, double SearchMs, double RestMs, int Labels, int Settled) Measure(RoutePlanner planner, RouteRequest request)
    {
        var start = PlannerClock.ToMinutes(request.EarliestDeparture);
        var destination = _network.Terminals.Select((t, i) => (t, i)).First(x => x.t.Locode == request.Destination).i;
        var search = new SearchRequest
        {
            Origin = _network.Terminals.Select((t, i) => (t, i)).First(x => x.t.Locode == request.Origin).i,
            Destination = destination,
            Start = start,
            WindowEnd = start + (int)request.DepartureWindow.TotalMinutes,
            HorizonEnd = start + (int)request.Horizon.TotalMinutes,
            ModeAllowed = _allModes,
            Criteria = request.Criteria,
            Tolerance = request.Criteria == PlanningCriteria.Arrival ? 0 : request.Tolerance.SearchFraction,
        };

        var watch = Stopwatch.StartNew();
        _bounds.Compute(destination, search.Origin, costAndCo2e: true, _workspace);
        _workspace.BoundsDestination = destination;
        _workspace.BoundsOrigin = search.Origin;
        _workspace.BoundsIncludeCostAndCo2e = true;
        var bounds = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        LabelSearch.Run(_network, _bounds, search, _workspace);
        var run = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        planner.Plan(request);
        var plan = watch.Elapsed.TotalMilliseconds;
        return (bounds, Math.Max(0, run - bounds), Math.Max(0, plan - run), _workspace.LabelCount, _workspace.Settled);
    }
}
