using System.Text.Json;
using Caravan.Cli.Output.Json;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using Caravan.Server.Network;

namespace Caravan.Cli.Output;

/// <summary>
/// Writes a plan as the JSON document of docs/cli.md: camelCase, ISO 8601 UTC times, USD to 2 decimals,
/// kg CO2e, km and hours to 1.
/// </summary>
public static class PlanJson
{
    public static void Write(TextWriter output, CorridorNetwork network, RouteRequest request, PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(JsonSerializer.Serialize(Document(network, request, result), CliJsonContext.Readable.PlanDocument));
    }

    public static PlanDocument Document(CorridorNetwork network, RouteRequest request, PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var c = request.Constraints;
        var requestJson = new PlanRequestJson(
            Place(network.FindTerminal(request.Origin)!),
            Place(network.FindTerminal(request.Destination)!),
            TimeText.Iso(request.EarliestDeparture),
            TimeText.Iso(request.EarliestDeparture + request.DepartureWindow),
            Hours(request.DepartureWindow.TotalHours),
            request.Containers.Select(x => new ContainerJson(x.Type.Code, x.Count, x.Type.Teu)).ToList(),
            c.AvoidCountries.Select(x => x.Value).Order(StringComparer.Ordinal).ToList(),
            c.AvoidTerminals.Select(x => x.Value).Order(StringComparer.Ordinal).ToList(),
            c.AllowedModes.Order().Select(Words.Of).ToList(),
            c.MaxTransfers);
        return new PlanDocument(
            requestJson,
            result.Itineraries.Select(Itinerary).ToList(),
            result.Alternatives.Select(a => new AlternativeJson(Itinerary(a.Itinerary), a.DominatedBy)).ToList(),
            result.Found ? null : new NoRouteJson(result.NoRouteReason ?? "no itinerary was found"));
    }

    private static ItineraryJson Itinerary(Itinerary i) => new(
        i.CorridorName,
        i.Corridors.Select(c => c.Id).ToList(),
        TimeText.Iso(i.Departure),
        TimeText.Iso(i.Arrival),
        TimeText.Iso(i.ArrivalP50),
        TimeText.Iso(i.ArrivalP90),
        Hours(i.TransitTime.TotalHours),
        Usd(i.CostUsd),
        Kg(i.Co2eKg),
        Km(i.DistanceKm),
        i.Transfers,
        i.Countries.Select(c => c.Value).ToList(),
        i.Legs.Select(Leg).ToList());

    private static LegJson Leg(Leg l) => new(
        Place(l.From),
        Place(l.To),
        Words.Of(l.Mode),
        l.Mode == TransportMode.Rail ? Words.GaugeMillimetres(l.Gauge) : null,
        l.Service is { } s ? new ServiceJson(s.Id, s.Name) : null,
        l.Operator,
        TimeText.Iso(l.Departure),
        TimeText.Iso(l.Arrival),
        Km(l.DistanceKm),
        Usd(l.CostUsd),
        Usd(l.FreightCostUsd),
        Usd(l.HandlingCostUsd),
        Kg(l.Co2eKg),
        Kg(l.TransportCo2eKg),
        Kg(l.HubCo2eKg),
        l.Via.Select(v => v.Locode.Value).ToList(),
        l.Countries.Select(c => c.Value).ToList());

    private static PlaceJson Place(Terminal t) => new(t.Locode.Value, t.Name, t.Country.Value);

    private static double Usd(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static double Kg(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    private static double Km(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    private static double Hours(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
