using System.Globalization;
using Caravan.Server.Network;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Caravan.Cli.Output;

/// <summary>The network summary as tables: terminals by country and kind, links and services by mode, corridors.</summary>
public static class NetworkTables
{
    public static void Write(IAnsiConsole console, NetworkSummary summary)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(summary);
        console.WriteLine($"{summary.Network}: {summary.Terminals} terminals, {summary.Links} links, {summary.Services} services, {summary.Corridors.Count} corridors");
        console.Write(Terminals(summary));
        console.Write(Links(summary));
        console.Write(Services(summary));
        console.Write(Corridors(summary));
    }

    private static Table Terminals(NetworkSummary summary)
    {
        var kinds = summary.TerminalsByCountry.SelectMany(c => c.Kinds.Keys).Distinct(StringComparer.Ordinal).ToList();
        var table = new Table().Border(TableBorder.Rounded).Title("Terminals by country and kind").AddColumn("Country");
        foreach (var kind in kinds)
        {
            table.AddColumn(new TableColumn(kind.Replace('_', ' ')).RightAligned());
        }

        table.AddColumn(new TableColumn("total").RightAligned());
        foreach (var c in summary.TerminalsByCountry)
        {
            var cells = new List<string> { $"{c.Country} {c.Name}" };
            cells.AddRange(kinds.Select(k => c.Kinds.TryGetValue(k, out var n) ? Count(n) : string.Empty));
            cells.Add(Count(c.Total));
            table.AddRow(Cells(cells));
        }

        return table;
    }

    private static Table Links(NetworkSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Links by mode")
            .AddColumn("Mode")
            .AddColumn(new TableColumn("links").RightAligned())
            .AddColumn(new TableColumn("km").RightAligned())
            .AddColumn(new TableColumn("continuous").RightAligned())
            .AddColumn(new TableColumn("scheduled").RightAligned());
        foreach (var m in summary.LinksByMode)
        {
            table.AddRow(Cells([m.Mode, Count(m.Links), Words.Number(m.Km, 0), Count(m.Continuous), Count(m.Scheduled)]));
        }

        return table;
    }

    private static Table Services(NetworkSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Services by mode")
            .AddColumn("Mode")
            .AddColumn(new TableColumn("services").RightAligned())
            .AddColumn(new TableColumn("departures / week").RightAligned())
            .AddColumn(new TableColumn("TEU / week").RightAligned());
        foreach (var m in summary.ServicesByMode)
        {
            table.AddRow(Cells([m.Mode, Count(m.Services), Count(m.WeeklyDepartures), Count(m.WeeklyCapacityTeu)]));
        }

        return table;
    }

    private static Table Corridors(NetworkSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Corridors")
            .AddColumn("Id")
            .AddColumn("Name")
            .AddColumn(new TableColumn("links").RightAligned())
            .AddColumn(new TableColumn("services").RightAligned());
        foreach (var c in summary.Corridors)
        {
            table.AddRow(Cells([c.Id, c.Name, Count(c.Links), Count(c.Services)]));
        }

        return table;
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static IRenderable[] Cells(IEnumerable<string> texts) => texts.Select(t => (IRenderable)new Text(t)).ToArray();
}
