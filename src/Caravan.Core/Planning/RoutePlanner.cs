using System.Collections.Concurrent;
using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning.Search;

namespace Caravan.Core.Planning;

/// <summary>
/// Answers route requests over one <see cref="CorridorNetwork"/> with the Pareto set of itineraries by arrival,
/// cost and CO2e (or the criteria the request selects). Deterministic for a given network and request; safe to
/// share between threads.
/// </summary>
public sealed class RoutePlanner
{
    private readonly CorridorNetwork _network;
    private readonly LowerBoundGraph _bounds;
    private readonly RideTable _rides;
    private readonly ContinuousArrivalSlots _slots;
    private readonly ConcurrentBag<SearchWorkspace> _workspaces = [];

    public RoutePlanner(CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        _bounds = new LowerBoundGraph(network);
        _rides = new RideTable(network);
        _slots = new ContinuousArrivalSlots(network);
    }

    public CorridorNetwork Network => _network;

    /// <summary>The lower bounds the searches use; their landmark tables are computed on first use.</summary>
    internal LowerBoundGraph LowerBounds => _bounds;

    /// <summary>
    /// Computes now what the planner otherwise computes on its first request (the landmark tables of the earliest-arrival
    /// bound), so that request does not wait for it. Safe to call from any thread, and more than once.
    /// </summary>
    public void Prepare() => _ = _bounds.Landmarks;

    /// <summary>The Pareto set of itineraries for <paramref name="request"/>, sorted by arrival; or the reason there is none.</summary>
    public PlanResult Plan(RouteRequest request) => Plan(request, useLowerBounds: true);

    /// <summary>The itinerary arriving first, ignoring cost and CO2e; null when there is none.</summary>
    public Itinerary? EarliestArrival(RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Plan(request with { Criteria = PlanningCriteria.Arrival }).Itineraries.FirstOrDefault();
    }

    /// <summary>
    /// <see cref="Plan(RouteRequest)"/>, with the lower-bound pruning and the earliest-arrival search's skipping of
    /// covered moves (<see cref="SearchRequest.SkipCoveredMoves"/>) each switched off on request, for tests that
    /// check they change no answer.
    /// </summary>
    internal PlanResult Plan(RouteRequest request, bool useLowerBounds, bool skipCoveredMoves = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = _network.IndexOf(request.Origin);
        var destination = _network.IndexOf(request.Destination);
        var empty = new SearchStatistics(0, 0);
        if (origin < 0)
        {
            return new PlanResult([], $"origin {request.Origin} is not a terminal of the network", empty);
        }

        if (destination < 0)
        {
            return new PlanResult([], $"destination {request.Destination} is not a terminal of the network", empty);
        }

        if (origin == destination)
        {
            return new PlanResult([], "origin and destination are the same terminal", empty);
        }

        foreach (var (end, role) in new[] { (request.Origin, "origin"), (request.Destination, "destination") })
        {
            var terminal = _network.FindTerminal(end)!;
            if (request.Constraints.AvoidCountries.Contains(terminal.Country))
            {
                return new PlanResult([], $"the {role} {terminal.Name} ({end}) is in {terminal.Country}, a country to avoid", empty);
            }

            if (request.Constraints.AvoidTerminals.Contains(end))
            {
                return new PlanResult([], $"the {role} {terminal.Name} ({end}) is a terminal to avoid", empty);
            }
        }

        var search = Compile(request, origin, destination, request.Constraints, useLowerBounds) with { SkipCoveredMoves = skipCoveredMoves };
        return WithWorkspace(ws =>
        {
            var created = 0;
            var settled = 0;
            Itinerary? fastest = null;
            if (search.Tolerance > 0 && (request.Criteria & PlanningCriteria.Arrival) != 0)
            {
                // The ε-search may trade a little time for cost; the earliest arrival is searched exactly first.
                LabelSearch.Run(_network, _bounds, search with { Criteria = PlanningCriteria.Arrival, Tolerance = 0 }, ws);
                created += ws.LabelCount;
                settled += ws.Settled;
                fastest = ws.DestinationLabels
                    .Where(i => !ws.Labels[i].Dominated)
                    .OrderBy(i => ws.Labels[i].Time).ThenBy(i => ws.Labels[i].Cost).ThenBy(i => i)
                    .Select(i => ItineraryBuilder.Build(_network, ws.Labels, i, request, search.WindowEnd))
                    .FirstOrDefault();
            }

            LabelSearch.Run(_network, _bounds, search, ws);
            created += ws.LabelCount;
            settled += ws.Settled;
            var statistics = new SearchStatistics(created, settled);
            var found = ws.DestinationLabels
                .Where(i => !ws.Labels[i].Dominated)
                .Select(i => ItineraryBuilder.Build(_network, ws.Labels, i, request, search.WindowEnd))
                .ToList();
            if (fastest is not null)
            {
                found.Add(fastest);
            }

            var itineraries = ParetoFront.Select(found, request.Criteria, request.Tolerance);
            if (itineraries.Count > 0)
            {
                var alternatives = request.IncludeCorridorAlternatives ? Alternatives(search, request, itineraries, ws) : [];
                return new PlanResult(itineraries, null, statistics) { Alternatives = alternatives };
            }

            return new PlanResult([], Explain(request, origin, destination), statistics);
        });
    }

    /// <summary>
    /// The best of the corridors no listed itinerary follows, found greedily: the corridors already shown are closed,
    /// the fastest itinerary of what remains is taken, its corridors are closed in turn, and so on. Each round is a
    /// plain search with more links blocked, so every alternative is a genuine, cycle-free itinerary.
    /// </summary>
    private List<CorridorAlternative> Alternatives(SearchRequest search, RouteRequest request, List<Itinerary> listed, SearchWorkspace ws)
    {
        const int MostAlternatives = 6;
        var closed = listed.SelectMany(i => i.Corridors).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var blocked = search.BlockedLink is { } b ? (bool[])b.Clone() : new bool[_network.Links.Count];
        var found = new List<Itinerary>();
        while (found.Count < MostAlternatives)
        {
            for (var l = 0; l < blocked.Length; l++)
            {
                blocked[l] |= _network.Links[l].CorridorId is { } id && closed.Contains(id);
            }

            LabelSearch.Run(_network, _bounds, search with { BlockedLink = blocked }, ws);
            var fastest = ws.DestinationLabels
                .Where(i => !ws.Labels[i].Dominated)
                .OrderBy(i => ws.Labels[i].Time).ThenBy(i => ws.Labels[i].Cost).ThenBy(i => i)
                .Select(i => (int?)i)
                .FirstOrDefault();
            if (fastest is not { } index)
            {
                break;
            }

            var itinerary = ItineraryBuilder.Build(_network, ws.Labels, index, request, search.WindowEnd);
            var opened = itinerary.Corridors.Select(c => c.Id).Where(id => !closed.Contains(id)).ToList();
            if (opened.Count == 0)
            {
                break;
            }

            found.Add(itinerary);
            closed.UnionWith(opened);
        }

        return found
            .OrderBy(i => i.Arrival).ThenBy(i => i.CostUsd)
            .Select(i =>
            {
                var by = listed.FindIndex(l => ParetoFront.NoWorse(l, i, PlanningCriteria.All));
                return new CorridorAlternative(i, by < 0 ? null : by);
            })
            .ToList();
    }

    /// <summary>
    /// <paramref name="request"/> compiled as <see cref="Plan(RouteRequest)"/> compiles it, for tools that run or time
    /// the search's parts themselves; its origin and destination must be terminals of the network.
    /// </summary>
    internal SearchRequest Compile(RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Compile(request, _network.IndexOf(request.Origin), _network.IndexOf(request.Destination), request.Constraints, useLowerBounds: true);
    }

    /// <summary>
    /// A search workspace over this planner's network, sharing its ride table and arrival slots: for tools that run the
    /// search's parts themselves (queries through <see cref="Plan(RouteRequest)"/> take theirs from a pool).
    /// </summary>
    internal SearchWorkspace CreateWorkspace() => new(_network, _rides, _slots);

    private SearchRequest Compile(RouteRequest request, int origin, int destination, RouteConstraints constraints, bool useLowerBounds)
    {
        var start = PlannerClock.ToMinutes(request.EarliestDeparture);
        var modeAllowed = Enum.GetValues<TransportMode>().Select(constraints.Allows).ToArray();
        bool[]? blockedTerminal = null;
        if (constraints.AvoidCountries.Count > 0 || constraints.AvoidTerminals.Count > 0)
        {
            blockedTerminal = _network.Terminals
                .Select(t => constraints.AvoidCountries.Contains(t.Country) || constraints.AvoidTerminals.Contains(t.Locode))
                .ToArray();
        }

        bool[]? blockedLink = null;
        if (constraints.AvoidCountries.Count > 0 || constraints.AllowedModes.Count > 0)
        {
            blockedLink = _network.Links
                .Select(l => !constraints.Allows(l.Mode) || l.ViaCountries.Any(constraints.AvoidCountries.Contains))
                .ToArray();
        }

        var callsAtOrigin = new bool[_network.Services.Count];
        for (var b = _network.BoardStart[origin]; b < _network.BoardStart[origin + 1]; b++)
        {
            callsAtOrigin[_network.BoardService[b]] = true;
        }

        return new SearchRequest
        {
            Origin = origin,
            ServiceCallsAtOrigin = callsAtOrigin,
            Destination = destination,
            Start = start,
            WindowEnd = start + (int)Math.Max(0, request.DepartureWindow.TotalMinutes),
            HorizonEnd = start + (int)Math.Max(0, request.Horizon.TotalMinutes),
            BlockedTerminal = blockedTerminal,
            BlockedLink = blockedLink,
            ModeAllowed = modeAllowed,
            MaxTransfers = constraints.MaxTransfers,
            Criteria = request.Criteria,
            Tolerance = request.Criteria == PlanningCriteria.Arrival ? 0 : request.Tolerance.SearchFraction,
            UseLowerBounds = useLowerBounds,
        };
    }

    /// <summary>Why nothing was found: relaxes one constraint at a time to name the one that excludes every path.</summary>
    private string Explain(RouteRequest request, int origin, int destination)
    {
        var from = _network.Terminals[origin];
        var to = _network.Terminals[destination];
        var between = $"{from.Name} ({from.Locode}) and {to.Name} ({to.Locode})";
        var c = request.Constraints;
        var unconstrained = request with { Constraints = RouteConstraints.None, Horizon = TimeSpan.FromDays(365), DepartureWindow = TimeSpan.FromDays(28) };
        if (!Reaches(unconstrained, origin, destination))
        {
            return $"the network has no connection between {between}";
        }

        var reasons = new List<string>();
        if (c.AvoidCountries.Count > 0 && Reaches(request with { Constraints = c with { AvoidCountries = new HashSet<CountryCode>() } }, origin, destination))
        {
            reasons.Add($"every path between {between} crosses a country to avoid ({string.Join(", ", c.AvoidCountries.Select(x => x.Value).Order(StringComparer.Ordinal))})");
        }

        if (c.AvoidTerminals.Count > 0 && Reaches(request with { Constraints = c with { AvoidTerminals = new HashSet<Locode>() } }, origin, destination))
        {
            reasons.Add($"every path between {between} passes a terminal to avoid ({string.Join(", ", c.AvoidTerminals.Select(x => x.Value).Order(StringComparer.Ordinal))})");
        }

        if (c.AllowedModes.Count > 0 && Reaches(request with { Constraints = c with { AllowedModes = new HashSet<TransportMode>() } }, origin, destination))
        {
            reasons.Add($"no path between {between} uses only {string.Join(", ", c.AllowedModes.Select(m => m.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal))}");
        }

        if (c.MaxTransfers is { } max && Reaches(request with { Constraints = c with { MaxTransfers = null } }, origin, destination))
        {
            reasons.Add($"every path between {between} needs more than {max} transfer{(max == 1 ? string.Empty : "s")}");
        }

        if (reasons.Count > 0)
        {
            return string.Join("; ", reasons);
        }

        return Reaches(request with { Horizon = TimeSpan.FromDays(365), DepartureWindow = TimeSpan.FromDays(28) }, origin, destination)
            ? $"no itinerary between {between} leaves within {WindowText.Of(request.DepartureWindow)} and arrives within {WindowText.Of(request.Horizon)}"
            : $"the constraints together exclude every path between {between}";
    }

    private bool Reaches(RouteRequest request, int origin, int destination)
    {
        var search = Compile(request with { Criteria = PlanningCriteria.Arrival }, origin, destination, request.Constraints, useLowerBounds: true);
        return WithWorkspace(ws =>
        {
            LabelSearch.Run(_network, _bounds, search, ws);
            return ws.DestinationFront.Count > 0;
        });
    }

    /// <summary>Runs <paramref name="work"/> with a workspace from the pool, so concurrent queries never share one.</summary>
    private T WithWorkspace<T>(Func<SearchWorkspace, T> work)
    {
        var ws = _workspaces.TryTake(out var pooled) ? pooled : CreateWorkspace();
        try
        {
            return work(ws);
        }
        finally
        {
            _workspaces.Add(ws);
        }
    }
}
