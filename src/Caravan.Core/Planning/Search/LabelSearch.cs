using Caravan.Core.Network;

namespace Caravan.Core.Planning.Search;

/// <summary>
/// Multi-criteria, time-dependent label-setting search (Martins' algorithm) over continuous arcs and timetabled
/// rides. Labels are settled in order of arrival time; each (terminal, arrival context) keeps a bag of mutually
/// non-dominated labels. Boarding a service scans its later stops as one ride, as McRAPTOR scans a route.
/// Labels that cannot beat an itinerary already found — even with lower bounds on the rest of the way — are pruned.
/// With only <see cref="PlanningCriteria.Arrival"/> selected every bag holds one label and this is a
/// time-dependent Dijkstra.
/// </summary>
internal static class LabelSearch
{
    public static void Run(CorridorNetwork network, LowerBoundGraph bounds, SearchRequest request, SearchWorkspace ws)
    {
        ws.Reset();
        if (request.UseLowerBounds)
        {
            if (ws.BoundsDestination != request.Destination)
            {
                bounds.Compute(request.Destination, ws.BoundMinutes, ws.BoundCost, ws.BoundCo2e);
                ws.BoundsDestination = request.Destination;
            }

            if (double.IsPositiveInfinity(ws.BoundMinutes[request.Origin]))
            {
                return;
            }
        }

        var origin = new Label
        {
            Terminal = request.Origin,
            Time = request.Start,
            Parent = -1,
            NextInBag = -1,
            Via = -1,
            FirstDeparture = -1,
            MoveStart = request.Start,
            Context = SearchContext.Origin,
            Kind = MoveKind.Origin,
        };
        TryAdd(ws, request, origin);
        var settled = 0;

        while (ws.Queue.TryDequeue(out var index, out _))
        {
            var label = ws.Labels[index];
            if (label.Dominated)
            {
                continue;
            }

            settled++;
            if (label.Terminal == request.Destination || IsPruned(ws, request, label))
            {
                continue;
            }

            ExpandContinuous(network, request, ws, index, label);
            ExpandRides(network, request, ws, index, label);
        }

        ws.Settled = settled;
    }

    private static void ExpandContinuous(CorridorNetwork network, SearchRequest request, SearchWorkspace ws, int parent, in Label label)
    {
        var v = label.Terminal;
        for (var a = network.ArcStart[v]; a < network.ArcStart[v + 1]; a++)
        {
            var to = network.ArcTo[a];
            if (request.BlockedTerminal?[to] == true || request.BlockedLink?[network.ArcLink[a]] == true)
            {
                continue;
            }

            var context = network.ArcContext[a];
            var next = Depart(network, label, parent, continuesSameRun: label.Context == context);
            if (request.MaxTransfers is { } max && next.Transfers > max)
            {
                continue;
            }

            next.Terminal = to;
            next.MoveStart = next.Time;
            if (next.FirstDeparture < 0)
            {
                next.FirstDeparture = next.Time;
            }

            next.Time += network.ArcMinutes[a];
            next.Cost += network.ArcCostUsd[a];
            next.Co2e += network.ArcCo2ePerTeu[a];
            next.Context = context;
            next.Kind = MoveKind.Continuous;
            next.Via = a;
            if (next.Time <= request.HorizonEnd)
            {
                TryAdd(ws, request, next);
            }
        }
    }

    private static void ExpandRides(CorridorNetwork network, SearchRequest request, SearchWorkspace ws, int parent, in Label label)
    {
        var v = label.Terminal;
        for (var b = network.BoardStart[v]; b < network.BoardStart[v + 1]; b++)
        {
            var s = network.BoardService[b];
            if (!request.ModeAllowed[(int)network.ServiceMode[s]])
            {
                continue;
            }

            var boarding = Depart(network, label, parent, continuesSameRun: false);
            if (request.MaxTransfers is { } max && boarding.Transfers > max)
            {
                continue;
            }

            var p = network.BoardStop[b];
            var tripStart = network.NextTripStart(s, p, boarding.Time);
            var leave = tripStart + network.StopDepartureMinutes[p];
            var first = boarding.FirstDeparture < 0 ? leave : boarding.FirstDeparture;
            if (first > request.WindowEnd)
            {
                continue;
            }

            var end = network.ServiceStopStart[s + 1];
            var pricePerKm = network.ServiceTotalKm[s] > 0 ? network.ServicePriceUsd[s] / network.ServiceTotalKm[s] : 0;
            for (var q = p + 1; q < end; q++)
            {
                var at = network.StopTerminal[q];
                if (request.BlockedTerminal?[at] == true || request.BlockedLink?[network.StopInboundLink[q]] == true)
                {
                    break;
                }

                var arrival = tripStart + network.StopArrivalMinutes[q];
                if (arrival > request.HorizonEnd)
                {
                    break;
                }

                var next = boarding;
                next.Terminal = at;
                next.FirstDeparture = first;
                next.MoveStart = leave;
                next.Time = arrival;
                next.Cost += pricePerKm * (network.StopCumulativeKm[q] - network.StopCumulativeKm[p]);
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

    /// <summary>
    /// The label ready to leave its terminal: from the origin at once; on the same continuous run after the
    /// terminal's median dwell; otherwise after handling and dwell, paying the transshipment.
    /// </summary>
    private static Label Depart(CorridorNetwork network, in Label label, int parent, bool continuesSameRun)
    {
        var next = label;
        next.Parent = parent;
        next.NextInBag = -1;
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
        if (double.IsPositiveInfinity(ws.BoundMinutes[v]))
        {
            return true;
        }

        var optimistic = label;
        optimistic.Time += (int)ws.BoundMinutes[v];
        optimistic.Cost += ws.BoundCost[v];
        optimistic.Co2e += ws.BoundCo2e[v];
        foreach (var d in ws.DestinationLabels)
        {
            ref readonly var found = ref ws.Labels[d];
            if (!found.Dominated && Dominates(request, found, optimistic))
            {
                return true;
            }
        }

        return false;
    }

    private static void TryAdd(SearchWorkspace ws, SearchRequest request, in Label label)
    {
        if (label.Kind != MoveKind.Origin && IsPruned(ws, request, label))
        {
            return;
        }

        var bag = (label.Terminal * SearchContext.Count) + label.Context;
        var bagKey = label.Terminal == request.Destination ? -1 : bag;
        for (var i = ws.BagHead[bag]; i >= 0; i = ws.Labels[i].NextInBag)
        {
            ref readonly var existing = ref ws.Labels[i];
            if (!existing.Dominated && Dominates(request, existing, label))
            {
                return;
            }
        }

        if (bagKey == -1)
        {
            // At the destination transfers are no longer a resource to keep: the front is over the criteria alone.
            foreach (var d in ws.DestinationLabels)
            {
                if (!ws.Labels[d].Dominated && Dominates(request, ws.Labels[d], label, compareTransfers: false))
                {
                    return;
                }
            }

            foreach (var d in ws.DestinationLabels)
            {
                if (!ws.Labels[d].Dominated && Dominates(request, label, ws.Labels[d], compareTransfers: false))
                {
                    ws.Labels[d].Dominated = true;
                }
            }
        }

        for (var i = ws.BagHead[bag]; i >= 0; i = ws.Labels[i].NextInBag)
        {
            if (!ws.Labels[i].Dominated && Dominates(request, label, ws.Labels[i]))
            {
                ws.Labels[i].Dominated = true;
            }
        }

        var added = label;
        if (ws.BagHead[bag] < 0)
        {
            ws.TouchedBags.Add(bag);
        }

        added.NextInBag = ws.BagHead[bag];
        var index = ws.Add(added);
        ws.BagHead[bag] = index;
        if (bagKey == -1)
        {
            ws.DestinationLabels.Add(index);
        }

        ws.Queue.Enqueue(index, new LabelKey(label.Time, label.Cost, label.Co2e, index));
    }

    /// <summary>
    /// True when <paramref name="a"/> is at least as good as <paramref name="b"/> on every selected criterion and,
    /// under a transfer limit and unless <paramref name="compareTransfers"/> is false, has made no more transfers.
    /// </summary>
    internal static bool Dominates(SearchRequest request, in Label a, in Label b, bool compareTransfers = true)
    {
        const double Tolerance = 1e-6;
        var criteria = request.Criteria;
        if ((criteria & PlanningCriteria.Arrival) != 0 && a.Time > b.Time)
        {
            return false;
        }

        if ((criteria & PlanningCriteria.Cost) != 0 && a.Cost > b.Cost + Tolerance)
        {
            return false;
        }

        if ((criteria & PlanningCriteria.Co2e) != 0 && a.Co2e > b.Co2e + Tolerance)
        {
            return false;
        }

        return !compareTransfers || request.MaxTransfers is null || a.Transfers <= b.Transfers;
    }
}
