using Caravan.Core.Network;

namespace Caravan.Benchmarks.Synthetic;

/// <summary>
/// Links terminals to their nearest neighbours by rail (where the gauges meet, making some border terminals
/// gauge breaks) and road, ports to nearby ports by ferry and sea plus a few Asia–Europe sea lanes, and then
/// joins whatever is left apart so every terminal can reach every other.
/// </summary>
internal sealed class LinkLayout
{
    private const int NeighbourRanks = 8;
    private const double RoadShare = 0.55;
    private const double GaugeBreakChance = 0.4;

    private readonly List<TerminalDraft> _drafts;
    private readonly IReadOnlyList<SyntheticRegion> _regions;
    private readonly Random _random;
    private readonly SpatialGrid _grid;
    private readonly List<Link> _links = [];
    private readonly HashSet<(int, int, TransportMode)> _pairs = [];
    private readonly int[] _component;
    private readonly (double RailKmh, double RailUsdPerKm, double RoadKmh, double RoadUsdPerKm)[] _tariffs;

    public LinkLayout(List<TerminalDraft> drafts, IReadOnlyList<SyntheticRegion> regions, Random random)
    {
        _drafts = drafts;
        _regions = regions;
        _random = random;
        _grid = new SpatialGrid(drafts.Select(d => d.Position).ToArray());
        _component = Enumerable.Range(0, drafts.Count).ToArray();

        // One speed and rate per region and mode, as operators publish them: paths on one mode then differ in
        // time, cost and CO2e mostly through their length, as real ones do.
        _tariffs = regions.Select(_ => (random.Between(28, 42), random.Between(0.9, 1.3), random.Between(55, 65), random.Between(1.6, 2.2))).ToArray();
    }

    public List<Link> Build(ContinentalNetworkOptions options)
    {
        AddPortLinks(TerminalKind.FerryPort, TransportMode.Ferry, neighbours: 2, maxKm: 1_200, circuity: 1.25, SyntheticReference.FerryFuel);
        AddPortLinks(TerminalKind.Seaport, TransportMode.Sea, neighbours: 3, maxKm: 3_000, circuity: 1.4, SyntheticReference.SeaFuel);
        AddSeaLanes(lanes: Math.Max(4, options.Terminals / 300));

        var landTarget = options.Links;
        var nearest = Enumerable.Range(0, _drafts.Count).Select(i => _grid.Nearest(i, NeighbourRanks)).ToArray();
        for (var rank = 0; rank < NeighbourRanks && _links.Count < landTarget; rank++)
        {
            for (var i = 0; i < _drafts.Count && _links.Count < landTarget; i++)
            {
                if (rank < nearest[i].Count)
                {
                    AddLandLinks(i, nearest[i][rank].Index, nearest[i][rank].Km);
                }
            }
        }

        JoinComponents();
        return _links;
    }

    private void AddLandLinks(int u, int v, double km)
    {
        var a = _drafts[u];
        var b = _drafts[v];
        if (a.Gauges != RailGauges.None && b.Gauges != RailGauges.None && !_pairs.Contains(Key(u, v, TransportMode.Rail)))
        {
            if ((a.Gauges & b.Gauges) == RailGauges.None && _random.NextDouble() < GaugeBreakChance)
            {
                // A border terminal where the two networks meet: containers change gauge here.
                var (border, other) = _random.Next(2) == 0 ? (a, b) : (b, a);
                border.Gauges |= _regions[other.Region].Gauge;
                if (border.Kind is not (TerminalKind.Seaport or TerminalKind.FerryPort))
                {
                    border.Kind = TerminalKind.BorderCrossing;
                }

                TerminalLayout.SetHandling(border, _random, gaugeBreak: true);
            }

            var common = a.Gauges & b.Gauges;
            if (common != RailGauges.None)
            {
                var preferred = _regions[a.Region].Gauge;
                var gauge = (common & preferred) != RailGauges.None ? preferred : (RailGauges)((int)common & -(int)common);
                var factor = _regions[a.Region].Electrified && _regions[b.Region].Electrified ? SyntheticReference.RailElectric : SyntheticReference.RailDiesel;
                var distance = Distance(km, 1.2, 1.35);
                var tariff = _tariffs[a.Region];
                AddContinuous(u, v, TransportMode.Rail, gauge, factor, distance, tariff.RailKmh, tariff.RailUsdPerKm, "Rail");
            }
        }

        if (_random.NextDouble() < RoadShare && !_pairs.Contains(Key(u, v, TransportMode.Road)))
        {
            AddRoad(u, v, km);
        }
    }

    private void AddRoad(int u, int v, double km)
    {
        var tariff = _tariffs[_drafts[u].Region];
        AddContinuous(u, v, TransportMode.Road, RailGauges.None, SyntheticReference.RoadDiesel, Distance(km, 1.15, 1.3), tariff.RoadKmh, tariff.RoadUsdPerKm, "Road");
    }

    private void AddContinuous(int u, int v, TransportMode mode, RailGauges gauge, string factor, double distance, double speed, double costPerKm, string operatorWord)
    {
        var from = _drafts[u];
        _links.Add(new Link(
            $"L{_links.Count + 1:000000}", from.Locode, _drafts[v].Locode, mode, distance, gauge, factor,
            $"{from.Country} {operatorWord}", null, LinkAvailability.Continuous, Math.Round(speed, 1), Math.Round(distance * costPerKm),
            [], true, "distance=E;speed=E;cost=E", string.Empty));
        _pairs.Add(Key(u, v, mode));
        Union(u, v);
    }

    private void AddScheduled(int u, int v, TransportMode mode, string factor, double distance)
    {
        var from = _drafts[u];
        _links.Add(new Link(
            $"L{_links.Count + 1:000000}", from.Locode, _drafts[v].Locode, mode, distance, RailGauges.None, factor,
            $"{from.Country} {mode} Line", null, LinkAvailability.Scheduled, null, null, [], true, "distance=E", string.Empty));
        _pairs.Add(Key(u, v, mode));
        Union(u, v);
    }

    private void AddPortLinks(TerminalKind kind, TransportMode mode, int neighbours, double maxKm, double circuity, string factor)
    {
        for (var i = 0; i < _drafts.Count; i++)
        {
            if (_drafts[i].Kind != kind)
            {
                continue;
            }

            foreach (var (j, km) in _grid.Nearest(i, neighbours, j => _drafts[j].Kind == kind))
            {
                if (km <= maxKm && !_pairs.Contains(Key(i, j, mode)))
                {
                    AddScheduled(i, j, mode, factor, Distance(km, circuity, circuity));
                }
            }
        }
    }

    /// <summary>Deep-sea lanes between East Asian and European ports, the long way round a continent.</summary>
    private void AddSeaLanes(int lanes)
    {
        var east = Enumerable.Range(0, _drafts.Count).Where(i => _drafts[i].Kind == TerminalKind.Seaport && _drafts[i].Position.Longitude > 100).ToList();
        var west = Enumerable.Range(0, _drafts.Count).Where(i => _drafts[i].Kind == TerminalKind.Seaport && _drafts[i].Position.Longitude < 30).ToList();
        for (var n = 0; n < lanes && east.Count > 0 && west.Count > 0; n++)
        {
            var u = east[_random.Next(east.Count)];
            var v = west[_random.Next(west.Count)];
            if (!_pairs.Contains(Key(u, v, TransportMode.Sea)))
            {
                AddScheduled(u, v, TransportMode.Sea, SyntheticReference.SeaFuel, Distance(_drafts[u].Position.DistanceKmTo(_drafts[v].Position), 1.9, 2.1));
            }
        }
    }

    /// <summary>Joins each smaller component to its nearest terminal outside it by road until one component is left.</summary>
    private void JoinComponents()
    {
        while (true)
        {
            var groups = Enumerable.Range(0, _drafts.Count).GroupBy(Find).OrderBy(g => g.Count()).ThenBy(g => g.Key).ToList();
            if (groups.Count <= 1)
            {
                return;
            }

            var members = groups[0].ToList();
            var root = groups[0].Key;
            var best = (From: -1, To: -1, Km: double.PositiveInfinity);
            foreach (var u in members)
            {
                var p = _drafts[u].Position;
                var cos = Math.Cos(double.DegreesToRadians(p.Latitude));
                for (var v = 0; v < _drafts.Count; v++)
                {
                    if (Find(v) == root)
                    {
                        continue;
                    }

                    var q = _drafts[v].Position;
                    var dx = (q.Longitude - p.Longitude) * cos;
                    var dy = q.Latitude - p.Latitude;
                    var approx = (dx * dx) + (dy * dy);
                    if (approx < best.Km)
                    {
                        best = (u, v, approx);
                    }
                }
            }

            AddRoad(best.From, best.To, _drafts[best.From].Position.DistanceKmTo(_drafts[best.To].Position));
        }
    }

    private double Distance(double km, double minCircuity, double maxCircuity) =>
        Math.Max(1.0, Math.Round(km * _random.Between(minCircuity, maxCircuity), 1));

    private static (int, int, TransportMode) Key(int u, int v, TransportMode mode) => (Math.Min(u, v), Math.Max(u, v), mode);

    private int Find(int x)
    {
        while (_component[x] != x)
        {
            _component[x] = _component[_component[x]];
            x = _component[x];
        }

        return x;
    }

    private void Union(int u, int v) => _component[Find(u)] = Find(v);
}
