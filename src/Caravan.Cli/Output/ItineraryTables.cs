using System.Globalization;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using Caravan.Server.Network;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Caravan.Cli.Output;

/// <summary>
/// The plan as people read it: one row per itinerary (corridor, depart, arrive P50 / P90, days, USD, kg CO2e,
/// transfers, countries), and on request each itinerary's legs below, with the waits between them.
/// </summary>
public static class ItineraryTables
{
    public static void Write(IAnsiConsole console, CorridorNetwork network, RouteRequest request, PlanResult result, bool legs)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var from = network.FindTerminal(request.Origin)!;
        var to = network.FindTerminal(request.Destination)!;
        var containers = string.Join(", ", request.Containers);
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{from.Name} ({from.Locode}) → {to.Name} ({to.Locode}), {containers}, leaving {TimeText.Utc(request.EarliestDeparture)} UTC or up to {WindowText.Of(request.DepartureWindow)} later: {result.Itineraries.Count} itinerar{(result.Itineraries.Count == 1 ? "y" : "ies")}"));
        console.Write(Summary(result.Itineraries, i => (i + 1).ToString(CultureInfo.InvariantCulture), _ => null));
        if (result.Alternatives.Count > 0)
        {
            console.WriteLine();
            console.WriteLine("Other corridors, not on the Pareto front (\"beaten by #n\": that itinerary is no later, no dearer and no dirtier):");
            console.Write(Summary(
                result.Alternatives.Select(a => a.Itinerary).ToList(),
                i => $"A{i + 1}",
                i => result.Alternatives[i].DominatedBy is { } by ? $"beaten by #{by + 1}" : null));
        }

        if (!legs)
        {
            return;
        }

        for (var i = 0; i < result.Itineraries.Count; i++)
        {
            WriteLegs(console, $"#{i + 1}", result.Itineraries[i]);
        }

        for (var i = 0; i < result.Alternatives.Count; i++)
        {
            WriteLegs(console, $"A{i + 1}", result.Alternatives[i].Itinerary);
        }
    }

    private static void WriteLegs(IAnsiConsole console, string label, Itinerary itinerary)
    {
        console.WriteLine();
        console.WriteLine($"{label} {itinerary.CorridorName}");
        console.Write(Legs(itinerary));
    }

    /// <summary>
    /// One row per itinerary. <paramref name="remark"/> adds a line under the corridor (null for none); the countries
    /// wrap before the corridor does, so corridor names stay whole on a 160-column page.
    /// </summary>
    private static Table Summary(IReadOnlyList<Itinerary> itineraries, Func<int, string> number, Func<int, string?> remark)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn("Corridor")
            .AddColumn(new TableColumn("Depart (UTC)").NoWrap())
            .AddColumn(new TableColumn("Arrive P50 / P90 (UTC)").NoWrap())
            .AddColumn(new TableColumn("Days").RightAligned().NoWrap())
            .AddColumn(new TableColumn("USD").RightAligned().NoWrap())
            .AddColumn(new TableColumn("kg CO2e").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Transfers").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Countries"));
        for (var i = 0; i < itineraries.Count; i++)
        {
            var it = itineraries[i];
            table.AddRow(Cells(
                number(i),
                remark(i) is { } note ? $"{ShortCorridors(it)}\n{note}" : ShortCorridors(it),
                TimeText.Utc(it.Departure),
                $"{TimeText.Utc(it.ArrivalP50)} / {TimeText.Utc(it.ArrivalP90)}",
                Words.Number(it.TransitTime.TotalDays, 1),
                Words.Number(it.CostUsd, 0),
                Words.Number(it.Co2eKg, 0),
                it.Transfers.ToString(CultureInfo.InvariantCulture),
                string.Join(" ", it.Countries.Select(c => c.Value))));
        }

        return table;
    }

    private static Table Legs(Itinerary itinerary)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("From → To")
            .AddColumn("Mode")
            .AddColumn("Service / operator")
            .AddColumn(new TableColumn("Depart (UTC)").NoWrap())
            .AddColumn(new TableColumn("Arrive (UTC)").NoWrap())
            .AddColumn(new TableColumn("km").RightAligned().NoWrap())
            .AddColumn(new TableColumn("USD").RightAligned().NoWrap())
            .AddColumn(new TableColumn("kg CO2e").RightAligned().NoWrap());
        DateTimeOffset? previousArrival = null;
        foreach (var leg in itinerary.Legs)
        {
            if (previousArrival is { } arrived && leg.Departure > arrived)
            {
                table.AddRow(Cells(
                    $"  wait {TimeText.Span(leg.Departure - arrived)} at {leg.From.Name}", string.Empty, string.Empty,
                    TimeText.Utc(arrived), TimeText.Utc(leg.Departure), string.Empty, string.Empty, string.Empty));
            }

            table.AddRow(Cells(
                $"{leg.From.Name} ({leg.From.Locode}) → {leg.To.Name} ({leg.To.Locode})",
                Mode(leg),
                leg.Service is { } s ? $"{s.Name} / {leg.Operator}" : leg.Operator,
                TimeText.Utc(leg.Departure),
                TimeText.Utc(leg.Arrival),
                Words.Number(leg.DistanceKm, 0),
                Words.Number(leg.CostUsd, 0),
                Words.Number(leg.Co2eKg, 0)));
            previousArrival = leg.Arrival;
        }

        return table;
    }

    /// <summary>The corridors one per line, without the parenthesised long forms ("Middle Corridor (…, TITR)" → "Middle Corridor").</summary>
    private static string ShortCorridors(Itinerary itinerary) =>
        itinerary.Corridors.Count == 0
            ? itinerary.CorridorName
            : string.Join('\n', itinerary.Corridors.Select(c => ShortName(c.Name)));

    private static string ShortName(string name)
    {
        var open = name.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 && name.EndsWith(')') ? name[..open] : name;
    }

    private static string Mode(Leg leg) =>
        leg.Mode == TransportMode.Rail && Words.GaugeMillimetres(leg.Gauge) is { } mm
            ? string.Create(CultureInfo.InvariantCulture, $"rail {mm}")
            : Words.Of(leg.Mode);

    private static IRenderable[] Cells(params string[] texts) => texts.Select(t => (IRenderable)new Text(t)).ToArray();
}
