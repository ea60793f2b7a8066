using System.CommandLine;
using Caravan.Cli.Input;
using Caravan.Cli.Output;
using Caravan.Core.Planning;

namespace Caravan.Cli.Commands;

/// <summary>
/// <c>caravan plan</c>: the Pareto set of itineraries (arrival, cost, CO2e) between two terminals, as a table or
/// JSON. Exit 0 with itineraries, 2 on bad input, 3 when there is no route.
/// </summary>
public static class PlanCommand
{
    public static Command Create(TimeProvider clock, CliConsole console, IDictionary<Command, IReadOnlyList<string>> examples)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(examples);
        var from = new Option<string>("--from")
        {
            Description = "Origin: a UN/LOCODE (CNCKG) or a terminal name (Chongqing).",
            Required = true,
            HelpName = "LOCODE|NAME",
        };
        var to = new Option<string>("--to")
        {
            Description = "Destination: a UN/LOCODE (DEDUI) or a terminal name (Duisburg).",
            Required = true,
            HelpName = "LOCODE|NAME",
        };
        var depart = new Option<string?>("--depart")
        {
            Description = "Earliest departure in UTC: a date (2026-12-01, meaning 00:00) or a date and time (2026-12-01T08:00). Default: tomorrow 00:00 UTC.",
            HelpName = "DATE[THH:MM]",
        };
        var window = new Option<string>("--window")
        {
            Description = "How long after the earliest departure the container may still leave: 7d, 36h, 2d12h.",
            DefaultValueFactory = _ => "7d",
            HelpName = "DURATION",
        };
        var containers = new Option<string>("--containers")
        {
            Description = "Containers as COUNTxTYPE, comma-separated: 2x40HC, 1x20GP,1x40RF (types from data/reference/container-types.csv).",
            DefaultValueFactory = _ => "1x40HC",
            HelpName = "COUNTxTYPE",
        };
        var avoidCountries = new Option<string[]>("--avoid-countries")
        {
            Description = "ISO 3166-1 alpha-2 countries no leg may enter or cross, comma-separated: RU,BY.",
            HelpName = "CC,...",
        };
        var avoid = new Option<string[]>("--avoid")
        {
            Description = "Terminals (LOCODEs or names) the route may not pass, comma-separated: KZDSK,GEPTI.",
            HelpName = "LOCODE,...",
        };
        var modes = new Option<string[]>("--modes")
        {
            Description = "Modes the route may use, comma-separated, from rail, road, ferry, sea. Default: all.",
            HelpName = "MODE,...",
        };
        var maxTransfers = new Option<string?>("--max-transfers")
        {
            Description = "The most changes of vehicle, service or gauge. Default: unlimited.",
            HelpName = "N",
        };
        var legs = new Option<bool>("--legs") { Description = "Show each itinerary's legs (and the waits between them) below the table." };
        var paretoOnly = new Option<bool>("--pareto-only") { Description = "List only the Pareto itineraries, not the best of each other corridor." };
        var format = new Option<string>("--format")
        {
            Description = "Output format: table for people, json for programs (schema in docs/cli.md).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var network = NetworkOption.Create();

        var command = new Command(
            "plan",
            "Compare routes between two terminals: the Pareto set of itineraries by arrival, cost and CO2e. "
            + "Times are UTC. Exit codes: 0 itineraries found, 1 invalid network data, 2 bad input, 3 no route.");
        foreach (var option in new Option[] { from, to, depart, window, containers, avoidCountries, avoid, modes, maxTransfers, legs, paretoOnly, format, network })
        {
            command.Options.Add(option);
        }

        examples[command] =
        [
            "caravan plan --from CNCKG --to DEDUI",
            "caravan plan --from Chongqing --to Duisburg --avoid-countries RU,BY --legs",
            "caravan plan --from CNXIY --to DEHAM --depart 2026-12-01T08:00 --window 3d --containers 2x40HC",
            "caravan plan --from CNSHA --to NLRTM --modes sea --format json",
        ];

        command.SetAction(parseResult =>
        {
            var location = NetworkOption.Locate(parseResult.GetValue(network));
            var corridorNetwork = NetworkOption.Load(console, location, out var exitCode);
            if (corridorNetwork is null)
            {
                return exitCode;
            }

            var arguments = new PlanArguments
            {
                From = parseResult.GetRequiredValue(from),
                To = parseResult.GetRequiredValue(to),
                Depart = parseResult.GetValue(depart),
                Window = parseResult.GetRequiredValue(window),
                Containers = parseResult.GetRequiredValue(containers),
                AvoidCountries = parseResult.GetValue(avoidCountries) ?? [],
                Avoid = parseResult.GetValue(avoid) ?? [],
                Modes = parseResult.GetValue(modes) ?? [],
                MaxTransfers = parseResult.GetValue(maxTransfers),
            };
            var request = PlanRequestBuilder.Build(corridorNetwork, arguments, clock, out var error);
            if (request is null)
            {
                return console.Fail(ExitCodes.BadInput, error ?? "bad input");
            }

            request = request with { IncludeCorridorAlternatives = !parseResult.GetValue(paretoOnly) };
            var planner = new RoutePlanner(corridorNetwork);
            var result = console.Busy("Planning routes…", () => planner.Plan(request));
            if (parseResult.GetValue(format) == "json")
            {
                PlanJson.Write(console.Output, corridorNetwork, request, result);
            }
            else if (result.Found)
            {
                ItineraryTables.Write(console.Ansi, corridorNetwork, request, result, parseResult.GetValue(legs));
            }

            return result.Found ? ExitCodes.Ok : console.Fail(ExitCodes.NoRoute, $"no route: {result.NoRouteReason}");
        });
        return command;
    }
}
