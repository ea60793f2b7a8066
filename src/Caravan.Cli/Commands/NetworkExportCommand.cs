using System.CommandLine;
using Caravan.Server.Network;

namespace Caravan.Cli.Commands;

/// <summary><c>caravan network export</c>: the network as GeoJSON for QGIS and the web map.</summary>
public static class NetworkExportCommand
{
    public static Command Create(CliConsole console, IDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(examples);
        var format = new Option<string>("--format")
        {
            Description = "Export format; geojson is an RFC 7946 FeatureCollection of terminals (Point) and links (LineString).",
            DefaultValueFactory = _ => "geojson",
        };
        format.AcceptOnlyFromAmong("geojson");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "File to write; standard output when omitted.",
            HelpName = "FILE",
        };
        var network = NetworkOption.Create();
        var command = new Command("export", "Export the network as GeoJSON (WGS84) for QGIS, MapLibre and the Caravan web map.");
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(network);
        examples[command] =
        [
            "caravan network export --format geojson --output network.geojson",
            "caravan network export > network.geojson",
        ];

        command.SetAction(parseResult =>
        {
            var location = NetworkOption.Locate(parseResult.GetValue(network));
            var loaded = NetworkOption.Load(console, location, out var exitCode);
            if (loaded is null)
            {
                return exitCode;
            }

            var json = NetworkGeoJson.Serialize(NetworkGeoJson.Features(loaded));
            var file = parseResult.GetValue(output);
            if (string.IsNullOrEmpty(file))
            {
                console.Output.WriteLine(json);
                return ExitCodes.Ok;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (directory is not null && !Directory.Exists(directory))
            {
                return console.Fail(ExitCodes.BadInput, $"--output '{file}': directory '{directory}' does not exist");
            }

            File.WriteAllText(file, json + Environment.NewLine);
            console.Error.WriteLine($"wrote {loaded.Terminals.Count} terminals and {loaded.Links.Count} links to {file}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
