using System.Globalization;
using System.Text;
using Caravan.Core.Network;
using Caravan.Core.Planning;

namespace Caravan.Core.Tests.Planning;

/// <summary>
/// A random network and a request on it, for property tests. Every time in it is a whole number of minutes after
/// <see cref="TestNetwork.Monday"/>, and it prints as a readable listing so a failing case can be redrawn by hand.
/// </summary>
internal sealed class PlanningCase
{
    private readonly Lazy<CorridorNetwork> _network;

    public PlanningCase(IReadOnlyList<Terminal> terminals, IReadOnlyList<Link> links, IReadOnlyList<Service> services, RouteRequest request)
    {
        Terminals = terminals;
        Links = links;
        Services = services;
        Request = request;
        _network = new Lazy<CorridorNetwork>(() => CorridorNetwork.Compile(Terminals, Links, Services, [], TestNetwork.Reference));
    }

    public IReadOnlyList<Terminal> Terminals { get; }

    public IReadOnlyList<Link> Links { get; }

    public IReadOnlyList<Service> Services { get; }

    public RouteRequest Request { get; }

    public CorridorNetwork Network => _network.Value;

    /// <summary>The same case with every terminal's dwell fixed at its median (P90 = P50).</summary>
    public PlanningCase WithoutDwellSpread() =>
        new(Terminals.Select(t => t with { DwellP90Hours = t.DwellP50Hours }).ToList(), Links, Services, Request);

    /// <summary>Whole minutes from <see cref="TestNetwork.Monday"/> to <paramref name="time"/>.</summary>
    public static int Minutes(DateTimeOffset time) => (int)Math.Round((time - TestNetwork.Monday).TotalMinutes);

    /// <summary>Hours as whole minutes, as the network data is read.</summary>
    public static int Minutes(double hours) => (int)Math.Round(hours * 60);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine();
        foreach (var t in Terminals)
        {
            text.AppendLine(Invariant($"  terminal {t.Locode} gauges {t.Gauges} handling {Minutes(t.HandlingHours)} min ${t.HandlingUsd} dwell {Minutes(t.DwellP50Hours)}/{Minutes(t.DwellP90Hours)} min"));
        }

        foreach (var l in Links)
        {
            text.AppendLine(Invariant($"  link {l.Id} {l.From}{(l.Bidirectional ? "<" : string.Empty)}->{l.To} {l.Mode} {l.Availability} {l.Gauge} {l.DistanceKm} km @ {l.SpeedKmh} km/h ${l.CostUsd} via [{string.Join(",", l.ViaCountries)}]"));
        }

        foreach (var s in Services)
        {
            var stops = string.Join(" ", s.Stops.Select(p => Invariant($"{p.Locode}({Minutes(p.ArrivalHours ?? 0)}/{Minutes(p.DepartureHours ?? 0)})")));
            var departures = string.Join(",", s.Departures.Select(d => Invariant($"{d.IsoWeekday}@{d.TimeUtc:HH\\:mm}")));
            text.AppendLine(Invariant($"  service {s.Id} {s.Mode} cut-off {Minutes(s.CutoffHours)} min ${s.PriceUsd} stops {stops} departs {departures}"));
        }

        var r = Request;
        var c = r.Constraints;
        text.Append(Invariant($"  request {r.Origin}->{r.Destination} ready +{Minutes(r.EarliestDeparture)} min window {r.DepartureWindow.TotalMinutes} min {string.Join("+", r.Containers)}"));
        text.Append(Invariant($" avoid [{string.Join(",", c.AvoidCountries)}] [{string.Join(",", c.AvoidTerminals)}] modes [{string.Join(",", c.AllowedModes)}] max transfers {c.MaxTransfers?.ToString(CultureInfo.InvariantCulture) ?? "-"}"));
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
