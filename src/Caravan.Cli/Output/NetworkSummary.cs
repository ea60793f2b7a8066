using Caravan.Core.Network;
using Caravan.Server.Network;

namespace Caravan.Cli.Output;

/// <summary>What <c>caravan network show</c> reports, for both the tables and <c>--format json</c>.</summary>
public sealed record NetworkSummary(
    string Network,
    int Terminals,
    int Links,
    int Services,
    IReadOnlyList<CountryTerminals> TerminalsByCountry,
    IReadOnlyList<ModeLinks> LinksByMode,
    IReadOnlyList<ModeServices> ServicesByMode,
    IReadOnlyList<CorridorCounts> Corridors)
{
    public static NetworkSummary Of(CorridorNetwork network, string directory)
    {
        ArgumentNullException.ThrowIfNull(network);
        var byCountry = network.Terminals
            .GroupBy(t => t.Country)
            .OrderBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g => new CountryTerminals(
                g.Key.Value,
                network.Reference.Countries.NameOf(g.Key),
                g.GroupBy(t => t.Kind).OrderBy(k => k.Key).ToDictionary(k => Words.Of(k.Key), k => k.Count(), StringComparer.Ordinal),
                g.Count()))
            .ToList();
        var links = network.Links
            .GroupBy(l => l.Mode)
            .OrderBy(g => g.Key)
            .Select(g => new ModeLinks(
                Words.Of(g.Key),
                g.Count(),
                Math.Round(g.Sum(l => l.DistanceKm), 0),
                g.Count(l => l.Availability == LinkAvailability.Continuous),
                g.Count(l => l.Availability == LinkAvailability.Scheduled)))
            .ToList();
        var services = network.Services
            .GroupBy(s => s.Mode)
            .OrderBy(g => g.Key)
            .Select(g => new ModeServices(
                Words.Of(g.Key),
                g.Count(),
                g.Sum(s => s.Departures.Count),
                g.Sum(s => s.Departures.Count * s.CapacityTeu)))
            .ToList();
        var corridors = network.Corridors
            .Select(c => new CorridorCounts(
                c.Id,
                c.Name,
                network.Links.Count(l => l.CorridorId == c.Id),
                network.Services.Count(s => s.CorridorId == c.Id)))
            .ToList();
        return new NetworkSummary(directory, network.Terminals.Count, network.Links.Count, network.Services.Count, byCountry, links, services, corridors);
    }
}
