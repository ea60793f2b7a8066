using Caravan.Core.Geography;
using Caravan.Core.Network;

namespace Caravan.Benchmarks.Synthetic;

/// <summary>
/// Runs services over the generated links: a ferry or sea line each way on every scheduled link, coastal sea
/// loops, long block trains and regional shuttles that follow chains of rail links in a steady direction on one
/// gauge. Regional shuttles take whatever departures are left so the week adds up to the requested total.
/// </summary>
internal sealed class TimetableLayout
{
    private const int MinutesPerWeek = 7 * 24 * 60;
    private const int SlotMinutes = 5;

    private readonly List<TerminalDraft> _drafts;
    private readonly IReadOnlyList<Link> _links;
    private readonly Random _random;
    private readonly List<(int To, int Link)>[] _rail;
    private readonly List<(int To, int Link)>[] _sea;
    private readonly Dictionary<Locode, int> _index;

    public TimetableLayout(List<TerminalDraft> drafts, IReadOnlyList<Link> links, Random random)
    {
        _drafts = drafts;
        _links = links;
        _random = random;
        _index = new Dictionary<Locode, int>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            _index.Add(drafts[i].Locode, i);
        }

        _rail = drafts.Select(_ => new List<(int, int)>()).ToArray();
        _sea = drafts.Select(_ => new List<(int, int)>()).ToArray();
        for (var l = 0; l < links.Count; l++)
        {
            var link = links[l];
            var adjacency = link switch
            {
                { Mode: TransportMode.Rail, Availability: LinkAvailability.Continuous } => _rail,
                { Mode: TransportMode.Sea } => _sea,
                _ => null,
            };
            adjacency?[_index[link.From]].Add((_index[link.To], l));
            adjacency?[_index[link.To]].Add((_index[link.From], l));
        }
    }

    public List<Service> Build(ContinentalNetworkOptions options)
    {
        var plans = new List<Plan>();
        foreach (var (link, l) in _links.Select((k, l) => (k, l)).Where(x => x.k.Availability == LinkAvailability.Scheduled))
        {
            var (from, to) = (_index[link.From], _index[link.To]);
            var ferry = link.Mode == TransportMode.Ferry;
            plans.Add(new Plan(link.Mode, "SYN_" + (ferry ? "FERRY" : "SEA"), [from, to], [l], ferry ? _random.Next(3, 15) : _random.Next(1, 4)));
            plans.Add(new Plan(link.Mode, "SYN_" + (ferry ? "FERRY" : "SEA"), [to, from], [l], ferry ? _random.Next(3, 15) : _random.Next(1, 4)));
        }

        var seaports = Enumerable.Range(0, _drafts.Count).Where(i => _sea[i].Count > 0).ToList();
        for (var n = 0; n < seaports.Count / 6; n++)
        {
            if (Walk(_sea, seaports[_random.Next(seaports.Count)], null, _random.Next(4, 10)) is { Terminals.Count: >= 3 } loop)
            {
                plans.Add(new Plan(TransportMode.Sea, "SYN_SEA", loop.Terminals, loop.Links, _random.Next(1, 3)));
            }
        }

        var railStarts = Enumerable.Range(0, _drafts.Count)
            .Where(i => _rail[i].Count > 0 && _drafts[i].Kind is not TerminalKind.Junction)
            .ToList();
        AddTrains(plans, railStarts, options.LongHaulTrains, "SYN_TRUNK", minHops: 8, maxHops: 40, () => _random.Next(1, 15));
        var fixedDepartures = plans.Sum(p => p.Departures);
        var regionalStart = plans.Count;
        AddTrains(plans, railStarts, options.RegionalTrains, "SYN_REGIONAL", minHops: 1, maxHops: 8, () => 0);
        ShareDepartures(plans, regionalStart, options.WeeklyDepartures - fixedDepartures);

        return plans.Select((p, s) => ToService(p, s)).ToList();
    }

    private void AddTrains(List<Plan> plans, List<int> starts, int count, string corridor, int minHops, int maxHops, Func<int> departures)
    {
        for (var n = 0; n < count; n++)
        {
            for (var attempt = 0; attempt < 30; attempt++)
            {
                var start = starts[_random.Next(starts.Count)];
                var gauges = _drafts[start].Gauges;
                var gauge = (RailGauges)((int)gauges & -(int)gauges);
                var walk = Walk(_rail, start, gauge, _random.Next(minHops, maxHops + 1));
                if (walk.Links.Count >= minHops || (attempt == 29 && walk.Links.Count >= 1))
                {
                    plans.Add(new Plan(TransportMode.Rail, corridor, walk.Terminals, walk.Links, departures()));
                    break;
                }
            }
        }
    }

    /// <summary>Follows links from <paramref name="start"/> roughly along one bearing, never revisiting a terminal.</summary>
    private (List<int> Terminals, List<int> Links) Walk(List<(int To, int Link)>[] adjacency, int start, RailGauges? gauge, int hops)
    {
        var bearing = _random.Between(-Math.PI, Math.PI);
        var terminals = new List<int> { start };
        var links = new List<int>();
        var visited = new HashSet<int> { start };
        var current = start;
        for (var h = 0; h < hops; h++)
        {
            var best = (To: -1, Link: -1, Score: 0.0);
            var p = _drafts[current].Position;
            foreach (var (to, link) in adjacency[current])
            {
                if (visited.Contains(to) || (gauge is { } g && _links[link].Gauge != g))
                {
                    continue;
                }

                var q = _drafts[to].Position;
                var direction = Math.Atan2(q.Latitude - p.Latitude, (q.Longitude - p.Longitude) * Math.Cos(double.DegreesToRadians(p.Latitude)));
                var score = Math.Cos(direction - bearing) + (0.35 * (_random.NextDouble() - 0.5));
                if (score > best.Score)
                {
                    best = (to, link, score);
                }
            }

            if (best.To < 0)
            {
                break;
            }

            visited.Add(best.To);
            terminals.Add(best.To);
            links.Add(best.Link);
            current = best.To;
            bearing += 0.15 * _random.Gaussian();
        }

        return (terminals, links);
    }

    private void ShareDepartures(List<Plan> plans, int first, int total)
    {
        var count = plans.Count - first;
        if (count <= 0 || total < count || total > count * (MinutesPerWeek / SlotMinutes))
        {
            throw new InvalidOperationException($"{total} departures cannot be shared among {count} regional trains: lower the other services or raise the total.");
        }

        var weights = Enumerable.Range(0, count).Select(_ => _random.Between(0.3, 1.7)).ToArray();
        var sum = weights.Sum();
        var given = 0;
        for (var i = 0; i < count; i++)
        {
            var d = Math.Clamp((int)(total * weights[i] / sum), 1, MinutesPerWeek / SlotMinutes);
            plans[first + i] = plans[first + i] with { Departures = d };
            given += d;
        }

        for (var i = 0; given < total; i = (i + 1) % count)
        {
            if (plans[first + i].Departures < MinutesPerWeek / SlotMinutes)
            {
                plans[first + i] = plans[first + i] with { Departures = plans[first + i].Departures + 1 };
                given++;
            }
        }
    }

    private Service ToService(Plan plan, int s)
    {
        // Published rates vary little between lines of one kind (a few per cent), so do these.
        var (kmh, pricePerKm, basePrice, cutoff, capacity) = plan.Mode switch
        {
            TransportMode.Ferry => (28.0, 1.8, 100.0, 6.0, _random.Next(50, 401)),
            TransportMode.Sea => (33.0, 0.11, 300.0, 48.0, _random.Next(4_000, 20_001)),
            _ when plan.Corridor == "SYN_TRUNK" => (55.0, 0.65, 0.0, 12.0, _random.Next(82, 101)),
            _ => (45.0, 0.85, 50.0, 3.0, _random.Next(82, 101)),
        };
        kmh *= _random.Between(0.95, 1.05);
        pricePerKm *= _random.Between(0.97, 1.03);
        var stops = new List<ServiceStop> { new(_drafts[plan.Terminals[0]].Locode, null, 0) };
        var clock = 0.0;
        var km = 0.0;
        for (var k = 1; k < plan.Terminals.Count; k++)
        {
            var distance = _links[plan.Links[k - 1]].DistanceKm;
            km += distance;
            var arrival = Math.Round(clock + Math.Max(0.1, distance / kmh), 2);
            if (k == plan.Terminals.Count - 1)
            {
                stops.Add(new ServiceStop(_drafts[plan.Terminals[k]].Locode, arrival, null));
                break;
            }

            clock = Math.Round(arrival + StopDwell(_drafts[plan.Terminals[k]], plan.Mode), 2);
            stops.Add(new ServiceStop(_drafts[plan.Terminals[k]].Locode, arrival, clock));
        }

        var origin = _drafts[plan.Terminals[0]];
        var end = _drafts[plan.Terminals[^1]];
        return new Service(
            $"S{s + 1:000000}", $"{origin.Name} - {end.Name}", $"{origin.Country} Cargo", plan.Mode, plan.Corridor, cutoff, capacity,
            Math.Round(basePrice + (km * pricePerKm)), stops, Departures(plan.Departures),
            "price=E;capacity=E;schedule=E;times=E", string.Empty);
    }

    private double StopDwell(TerminalDraft stop, TransportMode mode) => mode switch
    {
        TransportMode.Sea => _random.Between(12, 30),
        TransportMode.Ferry => _random.Between(2, 6),
        _ when stop.Kind == TerminalKind.Junction => _random.Between(0.1, 0.3),
        _ => _random.Between(0.5, 2.0),
    };

    /// <summary>Departures spread over the week at roughly even intervals, on a five-minute grid, all distinct.</summary>
    private WeeklyDeparture[] Departures(int count)
    {
        var slots = MinutesPerWeek / SlotMinutes;
        var taken = new HashSet<int>();
        var offset = _random.NextDouble() * slots;
        for (var i = 0; i < count; i++)
        {
            var slot = (int)(offset + (i * (double)slots / count) + (_random.NextDouble() * slots / count * 0.3)) % slots;
            while (!taken.Add(slot))
            {
                slot = (slot + 1) % slots;
            }
        }

        return taken.Order().Select(slot =>
        {
            var minute = slot * SlotMinutes;
            return new WeeklyDeparture((minute / 1440) + 1, new TimeOnly(minute % 1440 / 60, minute % 60));
        }).ToArray();
    }

    private sealed record Plan(TransportMode Mode, string Corridor, List<int> Terminals, List<int> Links, int Departures);
}
