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
    private readonly CorridorNetwork _network;
    private readonly LowerBoundGraph _bounds;
    private readonly SearchWorkspace _workspace;
    private readonly bool[] _allModes = Enum.GetValues<TransportMode>().Select(_ => true).ToArray();

    public SearchBreakdown(RoutePlanner planner)
    {
        var network = planner.Network;
        _network = network;
        _bounds = planner.LowerBounds;
        _workspace = new SearchWorkspace(network, new RideTable(network), new ContinuousArrivalSlots(network));
    }

    /// <summary>Times the bounds, the label search and the itinerary of an earliest-arrival query, then the whole <c>Plan</c> call.</summary>
    public EarliestArrivalParts Measure(RoutePlanner planner, RouteRequest request)
    {
        var earliest = request with { Criteria = PlanningCriteria.Arrival };
        var start = PlannerClock.ToMinutes(earliest.EarliestDeparture);
        var search = new SearchRequest
        {
            Origin = _network.IndexOf(earliest.Origin),
            Destination = _network.IndexOf(earliest.Destination),
            Start = start,
            WindowEnd = start + (int)earliest.DepartureWindow.TotalMinutes,
            HorizonEnd = start + (int)earliest.Horizon.TotalMinutes,
            ModeAllowed = _allModes,
            Criteria = PlanningCriteria.Arrival,
        };

        var watch = Stopwatch.StartNew();
        if (_bounds.Landmarks is { } landmarks)
        {
            _workspace.UseLandmarks(landmarks, search.Destination);
        }
        else
        {
            _bounds.Compute(search.Destination, search.Origin, costAndCo2e: false, _workspace);
            _workspace.BoundsDestination = search.Destination;
            _workspace.BoundsOrigin = search.Origin;
            _workspace.BoundsIncludeCostAndCo2e = false;
        }

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
        planner.Plan(earliest);
        var planMs = watch.Elapsed.TotalMilliseconds;
        return new EarliestArrivalParts(boundsMs, searchMs, itineraryMs, planMs, _workspace.LabelCount, _workspace.Settled);
    }
}

/// <summary>One earliest-arrival query timed part by part (see <see cref="SearchBreakdown"/>), with its label counts.</summary>
internal sealed record EarliestArrivalParts(double BoundsMs, double SearchMs, double ItineraryMs, double PlanMs, int Labels, int Settled);
