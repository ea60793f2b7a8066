using System.Globalization;
using System.Text;
using Caravan.Core.Network;

namespace Caravan.Benchmarks.Synthetic;

/// <summary>
/// Writes a generated network as the CSV files the loader reads (schema of docs/data-format.md): the network
/// files into a <c>network</c> directory and the reference files into <c>reference</c> beside it, so load time is
/// measured through the real <see cref="CorridorNetworkLoader"/>.
/// </summary>
public static class ContinentalNetworkWriter
{
    /// <summary>Writes every file under <paramref name="root"/> and returns the network directory to load.</summary>
    public static string Write(ContinentalNetwork network, string root)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(root);
        var networkDirectory = Path.Combine(root, "network");
        var referenceDirectory = Path.Combine(root, "reference");
        Directory.CreateDirectory(networkDirectory);
        Directory.CreateDirectory(referenceDirectory);

        Write(referenceDirectory, NetworkFileNames.Countries, "alpha2,name,sco_status", network.Countries.Select(c =>
            Row(c.Code.Value, c.Name, c.ScoStatus == Core.Geography.ScoStatus.None ? string.Empty : c.ScoStatus.ToString().ToLowerInvariant())));
        Write(referenceDirectory, NetworkFileNames.EmissionFactors, "id,category,mode,energy,hub_kind,wtw_kg_co2e,ttw_kg_co2e,unit,sources", network.EmissionFactors.Select(f =>
            f.Category == EmissionCategory.Transport
                ? Row(f.Id, "transport", Word(f.Mode), EnergyWord(f.Energy!.Value), string.Empty, Number(f.WellToWheelKgCo2e), Number(f.TankToWheelKgCo2e), "teu_km", f.Sources)
                : Row(f.Id, "hub", string.Empty, string.Empty, f.HubKind is { } k ? KindWord(k) : "any", Number(f.WellToWheelKgCo2e), Number(f.TankToWheelKgCo2e), "teu", f.Sources)));
        Write(referenceDirectory, NetworkFileNames.ContainerTypes, "code,iso_size_type,teu,tare_kg,max_gross_kg,reefer,cost_factor,co2e_factor,sources", network.ContainerTypes.Select(t =>
            Row(t.Code, t.IsoSizeType, Number(t.Teu), Number(t.TareKg), Number(t.MaxGrossKg), t.Reefer ? "yes" : "no", Number(t.CostFactor), Number(t.Co2eFactor), "cost_factor=E;co2e_factor=E")));

        Write(networkDirectory, NetworkFileNames.Corridors, "id,name,description", network.Corridors.Select(c => Row(c.Id, c.Name, c.Description)));
        Write(networkDirectory, NetworkFileNames.Terminals, "locode,name,country,lat,lon,kind,gauges,handling_hours,handling_usd,dwell_p50_hours,dwell_p90_hours,locode_status,sources", network.Terminals.Select(t =>
            Row(t.Locode.Value, t.Name, t.Country.Value, Number(t.Position.Latitude), Number(t.Position.Longitude), KindWord(t.Kind),
                string.Join(';', RailGauge.Millimetres(t.Gauges)), Number(t.HandlingHours), Number(t.HandlingUsd), Number(t.DwellP50Hours),
                Number(t.DwellP90Hours), t.LocodeStatus.ToString().ToLowerInvariant(), t.Sources)));
        Write(networkDirectory, NetworkFileNames.Links, "id,from,to,mode,distance_km,gauge,emission_factor,operator,corridor,availability,speed_kmh,cost_usd,via_countries,bidirectional,sources", network.Links.Select(l =>
            Row(l.Id, l.From.Value, l.To.Value, Word(l.Mode), Number(l.DistanceKm), l.Gauge == RailGauges.None ? string.Empty : Number(RailGauge.ToMillimetres(l.Gauge)),
                l.EmissionFactorId, l.Operator, l.CorridorId ?? string.Empty, l.Availability.ToString().ToLowerInvariant(),
                l.SpeedKmh is { } speed ? Number(speed) : string.Empty, l.CostUsd is { } cost ? Number(cost) : string.Empty,
                string.Join(';', l.ViaCountries.Select(c => c.Value)), l.Bidirectional ? "yes" : "no", l.Sources)));
        Write(networkDirectory, NetworkFileNames.Services, "id,name,operator,mode,corridor,cutoff_hours,capacity_teu,price_usd,sources", network.Services.Select(s =>
            Row(s.Id, s.Name, s.Operator, Word(s.Mode), s.CorridorId ?? string.Empty, Number(s.CutoffHours), Number(s.CapacityTeu), Number(s.PriceUsd), s.Sources)));
        Write(networkDirectory, NetworkFileNames.ServiceStops, "service,seq,locode,arrival_hours,departure_hours", network.Services.SelectMany(s =>
            s.Stops.Select((stop, i) => Row(s.Id, Number(i + 1), stop.Locode.Value, Optional(stop.ArrivalHours), Optional(stop.DepartureHours)))));
        Write(networkDirectory, NetworkFileNames.Timetable, "service,weekday,departure_time", network.Services.SelectMany(s =>
            s.Departures.Select(d => Row(s.Id, Number(d.IsoWeekday), d.TimeUtc.ToString("HH:mm", CultureInfo.InvariantCulture)))));
        return networkDirectory;
    }

    private static void Write(string directory, string file, string header, IEnumerable<string> rows)
    {
        using var writer = new StreamWriter(Path.Combine(directory, file), false, new UTF8Encoding(false), 1 << 16);
        writer.NewLine = "\n";
        writer.WriteLine(header);
        foreach (var row in rows)
        {
            writer.WriteLine(row);
        }
    }

    private static string Row(params string[] fields) => string.Join(',', fields.Select(Escape));

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Optional(double? value) => value is { } v ? Number(v) : string.Empty;

    private static string Word(TransportMode? mode) => mode?.ToString().ToLowerInvariant() ?? string.Empty;

    private static string KindWord(TerminalKind kind) => kind switch
    {
        TerminalKind.RailTerminal => "rail_terminal",
        TerminalKind.Seaport => "seaport",
        TerminalKind.FerryPort => "ferry_port",
        TerminalKind.BorderCrossing => "border_crossing",
        TerminalKind.DryPort => "dry_port",
        TerminalKind.InlandHub => "inland_hub",
        _ => "junction",
    };

    private static string EnergyWord(Energy energy) => energy switch
    {
        Energy.Electric => "electric",
        Energy.Diesel => "diesel",
        Energy.HeavyFuelOil => "hfo",
        Energy.MarineDieselOil => "mdo",
        Energy.VeryLowSulphurFuelOil => "vlsfo",
        _ => "lng",
    };
}
