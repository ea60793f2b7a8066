using System.Runtime.InteropServices;
using Caravan.Core.Network;

namespace Caravan.Core.Planning.Search;

/// <summary>
/// Multi-criteria, time-dependent label-setting search over continuous arcs and timetabled rides (Martins'
/// algorithm, settled in A* order). Boarding a service scans its later stops as one ride, as McRAPTOR scans a
/// route. Each terminal keeps one bag of labels that do not dominate each other, where dominating needs an
/// arrival context at least as free (<see cref="LabelDominance.Covers"/>). Labels are settled by arrival time plus a lower
/// bound on the time still to go, and a label that cannot beat an itinerary already found — even with lower
/// bounds on the rest of the way — is pruned. Labels may be compared with a relative tolerance (ε-dominance on
/// time in transit, cost and CO2e), which keeps fronts from growing without bound on large networks. With only
/// <see cref="PlanningCriteria.Arrival"/> selected, every bag holds one label and this is a time-dependent A*.
/// </summary>
internal static class LabelSearch
{
    public static void Run(CorridorNetwork network, LowerBoundGraph bounds, SearchRequest request, SearchWorkspace ws)
    {
        ws.Reset();
        if (request.UseLowerBounds && !PrepareBounds(bounds, request, ws))
        {
            ws.Settled = 0;
            return;
        }

        var origin = new Label
        {
            Terminal = request.Origin,
            Time = request.Start,
            Parent = -1,
            Via = -1,
            FirstDeparture = -1,
            MoveStart = request.Start,
            Context = SearchContext.Origin,
            Kind = MoveKind.Origin,
        };
        TryAdd(ws, request, origin);
        var settled = 0;

        while (ws.Queue.TryDequeue(ws.Labels, out var index))
        {
            var label = ws.Labels[index];
            if (label.Dominated)
            {
                continue;
            }

            settled++;
            if (label.Terminal == request.Destination)
            {
                // With one criterion and a consistent bound (A*), the first destination label settled is optimal.
                if (IsEarliestArrivalOnly(request))
                {
                    break;
                }

                continue;
            }

            if (IsPruned(ws, request, label))
            {
                continue;
            }

            // A label that can leave with a transfer no better than one expanded here before gains only by staying on
            // its own continuous run (see SearchWorkspace.TransferAlreadyLeft and TransferDepartures).
            var onlyOwnRun = request.SkipCoveredMoves && label.Kind != MoveKind.Origin && TransferAlreadyLeft(network, request, ws, label);
            ExpandContinuous(network, request, ws, index, label, onlyOwnRun);
            if (!onlyOwnRun)
            {
                ExpandRides(network, request, ws, index, label);
            }
        }

        ws.Settled = settled;
    }

    /// <summary>
    /// Makes <paramref name="ws"/>'s lower bounds those of <paramref name="request"/>'s destination (kept when they
    /// already are); false when the destination cannot be reached from the origin at all. An earliest-arrival search
    /// takes its time bound from the precomputed landmarks alone. A multi-criteria search keeps the per-query bounds:
    /// under ε the labels it keeps depend on the order it settles them in, and the landmark bound reorders them
    /// (docs/benchmarks.md, "Earliest arrival: landmark (ALT) time bounds").
    /// </summary>
    internal static bool PrepareBounds(LowerBoundGraph bounds, SearchRequest request, SearchWorkspace ws)
    {
        var landmarks = IsEarliestArrivalOnly(request) ? bounds.Landmarks : null;
        ws.UseLandmarks(landmarks, request.Destination);
        if (landmarks is not null)
        {
            return ws.LandmarkMinutes(request.Origin, afterRide: false) != LowerBoundGraph.Unreachable;
        }

        var needCostAndCo2e = (request.Criteria & (PlanningCriteria.Cost | PlanningCriteria.Co2e)) != 0;
        if (ws.BoundsDestination != request.Destination || ws.BoundsOrigin != request.Origin || (needCostAndCo2e && !ws.BoundsIncludeCostAndCo2e))
        {
            bounds.Compute(request.Destination, request.Origin, needCostAndCo2e, ws);
            ws.BoundsDestination = request.Destination;
            ws.BoundsOrigin = request.Origin;
            ws.BoundsIncludeCostAndCo2e = needCostAndCo2e;
        }

        return ws.BoundMinutes[request.Origin] != LowerBoundGraph.Unreachable;
    }

    private static bool TransferAlreadyLeft(CorridorNetwork network, SearchRequest request, SearchWorkspace ws, in Label label)
    {
        if (IsEarliestArrivalOnly(request))
        {
            return ws.TransferAlreadyLeft(label.Terminal, label.Time + network.DwellP50Minutes[label.Terminal] + network.HandlingMinutes[label.Terminal]);
        }

        var ready = Depart(network, label, parent: -1, continuesSameRun: false);
        return ws.TransferDepartures.AlreadyLeft(label.Terminal, ready, compareTransfers: request.MaxTransfers is not null);
    }

    private static void ExpandContinuous(CorridorNetwork network, SearchRequest request, SearchWorkspace ws, int parent, in Label label, bool onlyOwnRun)
    {
        var v = label.Terminal;
        if (network.ArcStart[v] == network.ArcStart[v + 1] || (onlyOwnRun && label.Context == SearchContext.NeedsTransfer))
        {
            return;
        }

        // Leaving v is one of two moves whatever the arc: staying on the same continuous run, or a transfer.
        var sameRun = Depart(network, label, parent, continuesSameRun: true);
        var transfer = Depart(network, label, parent, continuesSameRun: false);
        var earliestArrivalOnly = IsEarliestArrivalOnly(request);
        for (var a = network.ArcStart[v]; a < network.ArcStart[v + 1]; a++)
        {
            var context = network.ArcContext[a];
            if (onlyOwnRun && context != label.Context)
            {
                continue;
            }

            var to = network.ArcTo[a];
            if (IsClosed(request, to) || request.BlockedLink?[network.ArcLink[a]] == true)
            {
                continue;
            }

            ref readonly var departed = ref label.Context == context ? ref sameRun : ref transfer;
            var arrival = departed.Time + network.ArcMinutes[a];
            if (arrival > request.HorizonEnd || (earliestArrivalOnly && arrival >= ws.EarliestOverArc(a)))
            {
                continue;
            }

            if (request.MaxTransfers is { } max && departed.Transfers > max)
            {
                continue;
            }

            var next = departed;
            next.Terminal = to;
            next.MoveStart = departed.Time;
            if (next.FirstDeparture < 0)
            {
                next.FirstDeparture = departed.Time;
            }

            next.Time = arrival;
            next.Cost += network.ArcCostUsd[a];
            next.Co2e += network.ArcCo2ePerTeu[a];
            next.Context = context;
            next.Kind = MoveKind.Continuous;
            next.Via = a;
            TryAdd(ws, request, next);
        }
    }

    private static void ExpandRides(CorridorNetwork network, SearchRequest request, SearchWorkspace ws, int parent, in Label label)
    {
        var v = label.Terminal;
        if (network.BoardStart[v] == network.BoardStart[v + 1])
        {
            return;
        }

        var boarding = Depart(network, label, parent, continuesSameRun: false);
        if (request.MaxTransfers is { } max && boarding.Transfers > max)
        {
            return;
        }

        var earliestArrivalOnly = IsEarliestArrivalOnly(request);
        var rides = ws.Rides;
        var stops = rides.StopArrivals;
        for (var b = network.BoardStart[v]; b < network.BoardStart[v + 1]; b++)
        {
            ref readonly var point = ref rides.Boardings[b];
            if (!request.ModeAllowed[(int)point.Mode])
            {
                continue;
            }

            var s = point.Service;
            var p = point.Stop;

            // A ride stops short of an avoided terminal or link, so a boarding upstream of one stands for nothing
            // beyond it: boardings compare only within the same stretch between such stops.
            var stretch = AvoidedStopsUpTo(network, request, s, p);
            ref readonly var boarded = ref ws.Boarded[s];
            if (earliestArrivalOnly && boarded.Stop <= p && boarded.Stretch == stretch && boarded.TripStart < boarding.Time + point.CatchOffset)
            {
                // The trip already boarded here or upstream leaves too early to catch, so the next one is later
                // still (see below): skipped without searching the timetable.
                continue;
            }

            var tripStart = rides.NextTripStart(point, boarding.Time);
            var leave = tripStart + point.Departure;
            var first = boarding.FirstDeparture < 0 ? leave : boarding.FirstDeparture;
            if (first > request.WindowEnd)
            {
                continue;
            }

            var end = point.StopsEnd;
            if (earliestArrivalOnly)
            {
                // Arrivals downstream depend only on the trip, and trips of a service do not overtake each other:
                // a trip no later than this one, already boarded here or upstream, arrives no later anywhere.
                if (boarded.TripStart <= tripStart && boarded.Stop <= p && boarded.Stretch == stretch)
                {
                    continue;
                }

                if (request.SkipCoveredMoves && boarded.TripStart <= tripStart && boarded.Stretch == stretch)
                {
                    // That trip was boarded downstream (no avoided stop in between) and scanned from there: beyond
                    // that stop this one arrives no earlier, so the ride is scanned only up to it.
                    end = boarded.Stop + 1;
                }

                if (boarded.TripStart == int.MaxValue || (tripStart <= boarded.TripStart && p <= boarded.Stop))
                {
                    ws.MarkBoarded(s, tripStart, p, stretch);
                }
            }

            if (!earliestArrivalOnly)
            {
                // Same trip, same arrival times downstream: a boarding no cheaper and no cleaner, at or after a stop
                // where the trip was already boarded, can only add labels that one of that boarding's covers.
                var taken = new TripBoarding(
                    p,
                    boarding.Cost - (PricePerKm(network, s) * network.StopCumulativeKm[p]),
                    boarding.Co2e - network.StopCumulativeCo2ePerTeu[p],
                    boarding.Transfers,
                    stretch);
                if (ws.TripBoardings.IsCovered(s, tripStart, taken, request.MaxTransfers is not null, out var coveredBeyond))
                {
                    continue;
                }

                if (request.SkipCoveredMoves && coveredBeyond != int.MaxValue)
                {
                    // The trip was boarded downstream no dearer and no dirtier: beyond that stop this ride arrives
                    // nowhere better, so it is scanned only up to it (as an earliest-arrival search does above).
                    end = coveredBeyond + 1;
                }
            }

            for (var q = p + 1; q < end; q++)
            {
                var stop = stops[q];
                var at = RideTable.Terminal(stop);
                if (IsAvoidedStop(network, request, q))
                {
                    break;
                }

                var arrival = tripStart + RideTable.Arrival(stop);
                if (arrival > request.HorizonEnd)
                {
                    break;
                }

                if (earliestArrivalOnly && arrival >= ws.EarliestOffService(at))
                {
                    // A label there already arrives no later in a context that covers arriving off a service.
                    continue;
                }

                var next = boarding;
                next.Terminal = at;
                next.FirstDeparture = first;
                next.MoveStart = leave;
                next.Time = arrival;
                next.Cost += PricePerKm(network, s) * (network.StopCumulativeKm[q] - network.StopCumulativeKm[p]);
                next.Co2e += network.StopCumulativeCo2ePerTeu[q] - network.StopCumulativeCo2ePerTeu[p];
                next.Context = SearchContext.NeedsTransfer;
                next.Kind = MoveKind.Ride;
                next.Via = s;
                next.BoardStop = p;
                next.AlightStop = q;
                next.TripStart = tripStart;
                TryAdd(ws, request, next);
            }
        }
    }

    private static double PricePerKm(CorridorNetwork network, int s) =>
        network.ServiceTotalKm[s] > 0 ? network.ServicePriceUsd[s] / network.ServiceTotalKm[s] : 0;

    /// <summary>
    /// A ride cannot reach stop <paramref name="q"/> (absolute index): its terminal or the link into it is avoided, or it
    /// is the origin, which a journey never comes back to.
    /// </summary>
    private static bool IsAvoidedStop(CorridorNetwork network, SearchRequest request, int q) =>
        IsClosed(request, network.StopTerminal[q]) || request.BlockedLink?[network.StopInboundLink[q]] == true;

    /// <summary>
    /// No move may reach <paramref name="terminal"/>: it is avoided, or it is the origin. A container that comes back
    /// to where it started has not left; a run out and back would otherwise count as leaving within the departure
    /// window, which binds only the first move, and then wait for any later service.
    /// </summary>
    private static bool IsClosed(SearchRequest request, int terminal) =>
        terminal == request.Origin || request.BlockedTerminal?[terminal] == true;

    /// <summary>How many stops of service <paramref name="s"/> after its first, up to stop <paramref name="p"/>, a ride cannot reach (see <see cref="IsAvoidedStop"/>).</summary>
    private static int AvoidedStopsUpTo(CorridorNetwork network, SearchRequest request, int s, int p)
    {
        if (request.BlockedTerminal is null && request.BlockedLink is null && !request.ServiceCallsAtOrigin[s])
        {
            return 0;
        }

        var count = 0;
        for (var q = network.ServiceStopStart[s] + 1; q <= p; q++)
        {
            if (IsAvoidedStop(network, request, q))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A lower bound on the minutes from <paramref name="label"/> to the destination: the label's own dwell (paid
    /// when it leaves, except at the origin and the destination: a label has always left its vehicle) plus the
    /// bound from its terminal. Counting the dwell here keeps the estimate consistent, so labels are settled in
    /// order of estimated arrival and the first destination label settled in an earliest-arrival search is optimal.
    /// With landmark bounds, the estimate is the landmark bound from the label's node (its terminal's yard, or its
    /// yard after a ride, where any move on pays the handling), which includes that dwell; a maximum of consistent
    /// bounds is consistent. <see cref="LowerBoundGraph.Unreachable"/> when the destination cannot be reached.
    /// </summary>
    private static int RemainingMinutes(SearchWorkspace ws, SearchRequest request, in Label label)
    {
        var v = label.Terminal;
        if (v == request.Destination)
        {
            return 0;
        }

        var bound = ws.Landmarks is null ? ws.BoundMinutes[v] : 0;
        if (bound == LowerBoundGraph.Unreachable || label.Kind == MoveKind.Origin)
        {
            return bound;
        }

        var estimate = ws.DwellP50Minutes[v] + bound;
        if (ws.Landmarks is not null)
        {
            var landmarks = ws.LandmarkMinutes(v, afterRide: label.Kind == MoveKind.Ride);
            estimate = landmarks == LowerBoundGraph.Unreachable ? landmarks : Math.Max(estimate, landmarks);
        }

        return estimate;
    }

    private static bool IsEarliestArrivalOnly(SearchRequest request) =>
        request.Criteria == PlanningCriteria.Arrival && request.MaxTransfers is null;

    /// <summary>
    /// The label ready to leave its terminal: from the origin at once; on the same continuous run after the
    /// terminal's median dwell; otherwise after handling and dwell, paying the transshipment.
    /// </summary>
    private static Label Depart(CorridorNetwork network, in Label label, int parent, bool continuesSameRun)
    {
        var next = label;
        next.Parent = parent;
        next.Dominated = false;
        next.Transferred = false;
        var v = label.Terminal;
        if (label.Kind == MoveKind.Origin)
        {
            return next;
        }

        next.Time += network.DwellP50Minutes[v];
        if (!continuesSameRun)
        {
            next.Time += network.HandlingMinutes[v];
            next.Cost += network.HandlingUsd[v];
            next.Co2e += network.HubCo2ePerTeu[v];
            next.Transfers++;
            next.Transferred = true;
        }

        return next;
    }

    private static bool IsPruned(SearchWorkspace ws, SearchRequest request, in Label label)
    {
        if (!request.UseLowerBounds)
        {
            return false;
        }

        var v = label.Terminal;
        var remaining = RemainingMinutes(ws, request, label);
        if (remaining == LowerBoundGraph.Unreachable)
        {
            return true;
        }

        if (IsEarliestArrivalOnly(request))
        {
            // The search stops at the first destination label it settles; nothing to compare against before that.
            return false;
        }

        var optimistic = label;
        optimistic.Time += remaining;
        if (ws.BoundsIncludeCostAndCo2e)
        {
            optimistic.Cost += ws.BoundCost[v];
            optimistic.Co2e += ws.BoundCo2e[v];
        }

        var limits = DominanceLimits.Of(request, optimistic, compareTransfers: true, rest: default);
        foreach (ref readonly var found in CollectionsMarshal.AsSpan(ws.DestinationFront))
        {
            if (limits.AreMetBy(found.Time, found.Cost, found.Co2e, found.Transfers))
            {
                return true;
            }
        }

        return false;
    }

    private static void TryAdd(SearchWorkspace ws, SearchRequest request, in Label label)
    {
        // In a multi-criteria search most labels are covered by one already in the bag: that read-only scan is
        // cheaper than comparing with every destination label, so it comes first, and the bag is changed only once
        // the label is sure to be added. An earliest-arrival search has no destination labels to compare with.
        var v = label.Terminal;
        var rest = Rest(ws, request, label);
        if (!IsEarliestArrivalOnly(request) && IsCoveredInBag(ws, request, label, rest))
        {
            return;
        }

        if (label.Kind != MoveKind.Origin && IsPruned(ws, request, label))
        {
            return;
        }

        var atDestination = v == request.Destination;
        if (atDestination && IsDominatedAtDestination(ws, request, label))
        {
            // Checked before the bag is touched: a label refused here must not have dropped bag labels first.
            return;
        }

        // One pass over the bag: reject the label if a bag label covers it (only an earliest-arrival search gets
        // here with such a label: a multi-criteria search has just found none), drop the bag labels it covers.
        var bag = ws.Bags[v];
        var count = ws.BagCount[v];
        var kept = 0;
        var mayBeCovered = IsEarliestArrivalOnly(request);
        var limits = DominanceLimits.Of(request, label, compareTransfers: true, rest);
        for (var i = 0; i < count; i++)
        {
            ref readonly var existing = ref bag![i];
            if (mayBeCovered && LabelDominance.Covers(existing.Context, label.Context)
                && limits.AreMetBy(existing.Time, existing.Cost, existing.Co2e, existing.Transfers))
            {
                Array.Copy(bag, i, bag, kept, count - i);
                ws.BagCount[v] = kept + count - i;
                return;
            }

            if (LabelDominance.Covers(label.Context, existing.Context) && LabelDominance.Dominates(request, label, existing, rest))
            {
                ws.Labels[existing.Label].Dominated = true;
            }
            else
            {
                bag[kept++] = existing;
            }
        }

        ws.BagCount[v] = kept;
        if (atDestination)
        {
            DropDominatedFromDestinationFront(ws, request, label);
        }

        var index = ws.Add(label);
        var entry = BagEntry.Of(label, index);
        ws.AddToBag(v, entry);
        ws.RecordArrival(label);
        if (atDestination)
        {
            ws.DestinationFront.Add(entry);
        }

        var estimate = request.UseLowerBounds ? label.Time + RemainingMinutes(ws, request, label) : label.Time;
        ws.Queue.Enqueue(index, estimate, label.Time, ws.Labels);
    }

    /// <summary>True when a label in <paramref name="label"/>'s bag covers it (same test as <see cref="TryAdd"/>'s pass).</summary>
    private static bool IsCoveredInBag(SearchWorkspace ws, SearchRequest request, in Label label, in RemainingBound rest)
    {
        var bag = ws.Bags[label.Terminal];
        var count = ws.BagCount[label.Terminal];
        var limits = DominanceLimits.Of(request, label, compareTransfers: true, rest);
        for (var i = 0; i < count; i++)
        {
            ref readonly var existing = ref bag![i];
            if (LabelDominance.Covers(existing.Context, label.Context) && limits.AreMetBy(existing.Time, existing.Cost, existing.Co2e, existing.Transfers))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The lower bounds from <paramref name="label"/>'s terminal to the destination, against which ε-dominance there is
    /// measured (see <see cref="RemainingBound"/>); zero when the search is exact or has no bounds.
    /// </summary>
    private static RemainingBound Rest(SearchWorkspace ws, SearchRequest request, in Label label)
    {
        if (request.Tolerance == 0 || !request.UseLowerBounds || label.Terminal == request.Destination)
        {
            return default;
        }

        var v = label.Terminal;
        return ws.BoundsIncludeCostAndCo2e
            ? new RemainingBound(ws.BoundMinutes[v], ws.BoundCost[v], ws.BoundCo2e[v])
            : new RemainingBound(ws.BoundMinutes[v], 0, 0);
    }

    /// <summary>
    /// At the destination the arrival context no longer matters and transfers are no longer a resource: the front
    /// is over the criteria alone. True when a destination label already dominates <paramref name="label"/>.
    /// </summary>
    private static bool IsDominatedAtDestination(SearchWorkspace ws, SearchRequest request, in Label label)
    {
        var limits = DominanceLimits.Of(request, label, compareTransfers: false, rest: default);
        foreach (ref readonly var found in CollectionsMarshal.AsSpan(ws.DestinationFront))
        {
            if (limits.AreMetBy(found.Time, found.Cost, found.Co2e, found.Transfers))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Drops from the destination front (and the destination's bag) the labels <paramref name="label"/> dominates.</summary>
    private static void DropDominatedFromDestinationFront(SearchWorkspace ws, SearchRequest request, in Label label)
    {
        var front = CollectionsMarshal.AsSpan(ws.DestinationFront);
        var dropped = false;
        for (var i = ws.DestinationFront.Count - 1; i >= 0; i--)
        {
            if (LabelDominance.Dominates(request, label, front[i], compareTransfers: false))
            {
                ws.Labels[front[i].Label].Dominated = true;
                ws.DestinationFront.RemoveAt(i);
                dropped = true;
            }
        }

        if (dropped)
        {
            // A label dropped from the front leaves the destination's bag too, so it dominates nothing there.
            var bag = ws.Bags[request.Destination]!;
            var kept = 0;
            for (var i = 0; i < ws.BagCount[request.Destination]; i++)
            {
                if (!ws.Labels[bag[i].Label].Dominated)
                {
                    bag[kept++] = bag[i];
                }
            }

            ws.BagCount[request.Destination] = kept;
        }

    }
}
