using Caravan.Core.Geography;

namespace Caravan.Core.Network;

/// <summary>The flat arrays the planner searches; built once by <see cref="Compile"/>.</summary>
public sealed partial class CorridorNetwork
{
    // Terminals (index = position in Terminals).
    internal int[] HandlingMinutes { get; private init; } = [];
    internal double[] HandlingUsd { get; private init; } = [];
    internal int[] DwellP50Minutes { get; private init; } = [];

    /// <summary>The σ of each terminal's log-normal dwell (0 when the dwell does not vary).</summary>
    internal double[] DwellSigma { get; private init; } = [];
    internal double[] HubCo2ePerTeu { get; private init; } = [];

    // Continuous arcs, grouped by origin terminal: arcs of terminal v are ArcStart[v] .. ArcStart[v + 1] - 1.
    internal int[] ArcStart { get; private init; } = [];
    internal int[] ArcTo { get; private init; } = [];
    internal int[] ArcMinutes { get; private init; } = [];
    internal double[] ArcCostUsd { get; private init; } = [];
    internal double[] ArcCo2ePerTeu { get; private init; } = [];
    internal byte[] ArcContext { get; private init; } = [];
    internal int[] ArcLink { get; private init; } = [];

    // Services: stops of service s are ServiceStopStart[s] .. ServiceStopStart[s + 1] - 1 (absolute stop indices).
    internal int[] ServiceStopStart { get; private init; } = [];
    internal int[] StopTerminal { get; private init; } = [];
    internal int[] StopArrivalMinutes { get; private init; } = [];
    internal int[] StopDepartureMinutes { get; private init; } = [];
    internal double[] StopCumulativeKm { get; private init; } = [];
    internal double[] StopCumulativeCo2ePerTeu { get; private init; } = [];
    internal int[] StopInboundLink { get; private init; } = [];
    internal int[] ServiceDepartureStart { get; private init; } = [];
    internal int[] DepartureMinuteOfWeek { get; private init; } = [];
    internal int[] ServiceCutoffMinutes { get; private init; } = [];
    internal double[] ServicePriceUsd { get; private init; } = [];
    internal double[] ServiceTotalKm { get; private init; } = [];
    internal TransportMode[] ServiceMode { get; private init; } = [];

    // Boarding points: services that can be boarded at terminal v are BoardStart[v] .. BoardStart[v + 1] - 1.
    internal int[] BoardStart { get; private init; } = [];
    internal int[] BoardService { get; private init; } = [];
    internal int[] BoardStop { get; private init; } = [];

    /// <summary>
    /// Compiles validated records into a searchable network. The records must be consistent (as the loader
    /// guarantees): every referenced terminal, factor and link exists. Inconsistent input is a programming error.
    /// </summary>
    public static CorridorNetwork Compile(
        IReadOnlyList<Terminal> terminals,
        IReadOnlyList<Link> links,
        IReadOnlyList<Service> services,
        IReadOnlyList<Corridor> corridors,
        ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(terminals);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(corridors);
        ArgumentNullException.ThrowIfNull(reference);

        var index = new Dictionary<Locode, int>(terminals.Count);
        for (var i = 0; i < terminals.Count; i++)
        {
            index.Add(terminals[i].Locode, i);
        }

        var transportFactor = reference.EmissionFactors
            .Where(f => f.Category == EmissionCategory.Transport)
            .GroupBy(f => f.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().WellToWheelKgCo2e, StringComparer.Ordinal);
        var hubFactors = reference.EmissionFactors.Where(f => f.Category == EmissionCategory.Hub).ToList();
        double HubFactor(TerminalKind kind) =>
            (hubFactors.FirstOrDefault(f => f.HubKind == kind) ?? hubFactors.FirstOrDefault(f => f.HubKind is null))?.WellToWheelKgCo2e ?? 0;

        var n = terminals.Count;
        var handlingMinutes = new int[n];
        var handlingUsd = new double[n];
        var dwellP50 = new int[n];
        var dwellP90 = new int[n];
        var hubCo2e = new double[n];
        var dwellSigma = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t = terminals[i];
            handlingMinutes[i] = Minutes(t.HandlingHours);
            handlingUsd[i] = t.HandlingUsd;
            dwellP50[i] = Minutes(t.DwellP50Hours);
            dwellP90[i] = Math.Max(dwellP50[i], Minutes(t.DwellP90Hours));
            hubCo2e[i] = HubFactor(t.Kind);
            dwellSigma[i] = dwellP50[i] > 0 && dwellP90[i] > dwellP50[i] ? Math.Log((double)dwellP90[i] / dwellP50[i]) / 1.2815515655446004 : 0;
        }

        var linkFactor = new double[links.Count];
        var arcs = new List<(int From, int To, int Link)>(links.Count * 2);
        var linkIndex = new Dictionary<(int, int, TransportMode), int>(links.Count * 2);
        for (var l = 0; l < links.Count; l++)
        {
            var link = links[l];
            linkFactor[l] = transportFactor.TryGetValue(link.EmissionFactorId, out var f)
                ? f
                : throw new ArgumentException($"Link {link.Id} names unknown emission factor '{link.EmissionFactorId}'.", nameof(links));
            var from = index[link.From];
            var to = index[link.To];
            linkIndex.TryAdd((from, to, link.Mode), l);
            if (link.Bidirectional)
            {
                linkIndex.TryAdd((to, from, link.Mode), l);
            }

            if (link.Availability == LinkAvailability.Continuous)
            {
                arcs.Add((from, to, l));
                if (link.Bidirectional)
                {
                    arcs.Add((to, from, l));
                }
            }
        }

        arcs.Sort((a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.Link != b.Link ? a.Link.CompareTo(b.Link) : a.To.CompareTo(b.To));
        var arcStart = new int[n + 1];
        foreach (var arc in arcs)
        {
            arcStart[arc.From + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            arcStart[i + 1] += arcStart[i];
        }

        var arcTo = new int[arcs.Count];
        var arcMinutes = new int[arcs.Count];
        var arcCost = new double[arcs.Count];
        var arcCo2e = new double[arcs.Count];
        var arcContext = new byte[arcs.Count];
        var arcLink = new int[arcs.Count];
        for (var a = 0; a < arcs.Count; a++)
        {
            var link = links[arcs[a].Link];
            arcTo[a] = arcs[a].To;
            arcMinutes[a] = Math.Max(1, (int)Math.Round(link.DistanceKm / link.SpeedKmh!.Value * 60));
            arcCost[a] = link.CostUsd!.Value;
            arcCo2e[a] = link.DistanceKm * linkFactor[arcs[a].Link];
            arcContext[a] = SearchContext.Continuous(link.Mode, link.Gauge);
            arcLink[a] = arcs[a].Link;
        }

        var serviceStopStart = new int[services.Count + 1];
        var serviceDepartureStart = new int[services.Count + 1];
        for (var s = 0; s < services.Count; s++)
        {
            serviceStopStart[s + 1] = serviceStopStart[s] + services[s].Stops.Count;
            serviceDepartureStart[s + 1] = serviceDepartureStart[s] + services[s].Departures.Count;
        }

        var stopCount = serviceStopStart[services.Count];
        var stopTerminal = new int[stopCount];
        var stopArrival = new int[stopCount];
        var stopDeparture = new int[stopCount];
        var stopKm = new double[stopCount];
        var stopCo2e = new double[stopCount];
        var stopLink = new int[stopCount];
        var departures = new int[serviceDepartureStart[services.Count]];
        var cutoff = new int[services.Count];
        var price = new double[services.Count];
        var totalKm = new double[services.Count];
        var mode = new TransportMode[services.Count];
        var boarding = new List<(int Terminal, int Service, int Stop)>(stopCount);
        for (var s = 0; s < services.Count; s++)
        {
            var service = services[s];
            cutoff[s] = Minutes(service.CutoffHours);
            price[s] = service.PriceUsd;
            mode[s] = service.Mode;
            var first = serviceStopStart[s];
            for (var k = 0; k < service.Stops.Count; k++)
            {
                var stop = service.Stops[k];
                var abs = first + k;
                stopTerminal[abs] = index[stop.Locode];
                stopArrival[abs] = stop.ArrivalHours is { } arr ? Minutes(arr) : 0;
                stopDeparture[abs] = stop.DepartureHours is { } dep ? Minutes(dep) : stopArrival[abs];
                if (k == 0)
                {
                    stopLink[abs] = -1;
                }
                else
                {
                    var l = linkIndex.TryGetValue((stopTerminal[abs - 1], stopTerminal[abs], service.Mode), out var found)
                        ? found
                        : throw new ArgumentException($"Service {service.Id} has no {service.Mode} link from {service.Stops[k - 1].Locode} to {stop.Locode}.", nameof(services));
                    stopLink[abs] = l;
                    stopKm[abs] = stopKm[abs - 1] + links[l].DistanceKm;
                    stopCo2e[abs] = stopCo2e[abs - 1] + (links[l].DistanceKm * linkFactor[l]);
                }

                if (k < service.Stops.Count - 1)
                {
                    boarding.Add((stopTerminal[abs], s, abs));
                }
            }

            totalKm[s] = stopKm[serviceStopStart[s + 1] - 1];
            var d = serviceDepartureStart[s];
            for (var k = 0; k < service.Departures.Count; k++)
            {
                departures[d + k] = service.Departures[k].MinuteOfWeek;
            }

            Array.Sort(departures, d, service.Departures.Count);
        }

        boarding.Sort((a, b) => a.Terminal != b.Terminal ? a.Terminal.CompareTo(b.Terminal) : a.Stop.CompareTo(b.Stop));
        var boardStart = new int[n + 1];
        foreach (var b in boarding)
        {
            boardStart[b.Terminal + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            boardStart[i + 1] += boardStart[i];
        }

        return new CorridorNetwork(terminals, links, services, corridors, reference)
        {
            HandlingMinutes = handlingMinutes,
            HandlingUsd = handlingUsd,
            DwellP50Minutes = dwellP50,
            DwellSigma = dwellSigma,
            HubCo2ePerTeu = hubCo2e,
            ArcStart = arcStart,
            ArcTo = arcTo,
            ArcMinutes = arcMinutes,
            ArcCostUsd = arcCost,
            ArcCo2ePerTeu = arcCo2e,
            ArcContext = arcContext,
            ArcLink = arcLink,
            ServiceStopStart = serviceStopStart,
            StopTerminal = stopTerminal,
            StopArrivalMinutes = stopArrival,
            StopDepartureMinutes = stopDeparture,
            StopCumulativeKm = stopKm,
            StopCumulativeCo2ePerTeu = stopCo2e,
            StopInboundLink = stopLink,
            ServiceDepartureStart = serviceDepartureStart,
            DepartureMinuteOfWeek = departures,
            ServiceCutoffMinutes = cutoff,
            ServicePriceUsd = price,
            ServiceTotalKm = totalKm,
            ServiceMode = mode,
            BoardStart = boardStart,
            BoardService = boarding.Select(b => b.Service).ToArray(),
            BoardStop = boarding.Select(b => b.Stop).ToArray(),
        };
    }

    /// <summary>
    /// The first departure (minutes since the planner's epoch, at the service's first stop) of service
    /// <paramref name="service"/> that a container ready at <paramref name="ready"/> at stop <paramref name="stop"/>
    /// can still catch, respecting the cut-off.
    /// </summary>
    internal int NextTripStart(int service, int stop, int ready)
    {
        var lo = ServiceDepartureStart[service];
        var hi = ServiceDepartureStart[service + 1];
        return FirstTripStartFrom(DepartureMinuteOfWeek.AsSpan(lo, hi - lo), ready - StopDepartureMinutes[stop] + ServiceCutoffMinutes[service]);
    }

    /// <summary>
    /// The first trip start (minutes since the planner's epoch) at or after <paramref name="earliestStart"/> of a
    /// service leaving at <paramref name="departures"/> (sorted minutes of the week) every week.
    /// </summary>
    internal static int FirstTripStartFrom(ReadOnlySpan<int> departures, int earliestStart)
    {
        var week = Math.DivRem(earliestStart, MinutesPerWeek, out var minute);
        if (minute < 0)
        {
            week--;
            minute += MinutesPerWeek;
        }

        var first = 0;
        var count = departures.Length;
        while (count > 0)
        {
            var half = count / 2;
            if (departures[first + half] < minute)
            {
                first += half + 1;
                count -= half + 1;
            }
            else
            {
                count = half;
            }
        }

        return first < departures.Length
            ? (week * MinutesPerWeek) + departures[first]
            : ((week + 1) * MinutesPerWeek) + departures[0];
    }

    private static int Minutes(double hours) => (int)Math.Round(hours * 60);
}
