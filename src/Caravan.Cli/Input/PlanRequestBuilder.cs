using System.Text.RegularExpressions;
using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning;

namespace Caravan.Cli.Input;

/// <summary>
/// Turns <see cref="PlanArguments"/> into a <see cref="RouteRequest"/> checked against the network: places
/// resolved, dates, durations and containers parsed, countries checked against the network's country list.
/// The first thing wrong becomes a one-line message naming the option.
/// </summary>
public static partial class PlanRequestBuilder
{
    private static readonly Dictionary<string, TransportMode> ModeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rail"] = TransportMode.Rail,
        ["road"] = TransportMode.Road,
        ["ferry"] = TransportMode.Ferry,
        ["sea"] = TransportMode.Sea,
    };

    public static RouteRequest? Build(CorridorNetwork network, PlanArguments arguments, TimeProvider clock, out string? error)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(clock);

        var from = TerminalQuery.Resolve(network, arguments.From, "--from", out error);
        if (from is null)
        {
            return null;
        }

        var to = TerminalQuery.Resolve(network, arguments.To, "--to", out error);
        if (to is null)
        {
            return null;
        }

        var departure = DepartureText.Tomorrow(clock);
        if (arguments.Depart is not null && !DepartureText.TryParse(arguments.Depart, out departure))
        {
            error = $"--depart '{arguments.Depart}' is not a UTC date or date and time (e.g. 2026-12-01 or 2026-12-01T08:00)";
            return null;
        }

        if (!DurationText.TryParse(arguments.Window, out var window))
        {
            error = $"--window '{arguments.Window}' is not a duration of up to a year (e.g. 7d, 36h, 2d12h)";
            return null;
        }

        var containers = Containers(network, arguments.Containers, out error);
        if (containers is null)
        {
            return null;
        }

        var constraints = Constraints(network, arguments, out error);
        if (constraints is null)
        {
            return null;
        }

        return new RouteRequest(from.Locode, to.Locode, departure, containers)
        {
            DepartureWindow = window,
            Constraints = constraints,
        };
    }

    private static List<ContainerLoad>? Containers(CorridorNetwork network, string text, out string? error)
    {
        error = null;
        var loads = new List<ContainerLoad>();
        foreach (var item in CommaList.Items([text]))
        {
            var match = ContainerPattern().Match(item);
            var count = match.Success && match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            var type = match.Success ? network.FindContainerType(match.Groups["type"].Value) : null;
            if (!match.Success || count is < 1 or > 10_000)
            {
                error = $"--containers '{item}' is not COUNTxTYPE (e.g. 2x40HC, 1x20GP)";
                return null;
            }

            if (type is null)
            {
                var known = string.Join(", ", network.Reference.ContainerTypes.Select(t => t.Code));
                error = $"--containers '{item}': unknown container type '{match.Groups["type"].Value}' (known: {known})";
                return null;
            }

            loads.Add(new ContainerLoad(type, count));
        }

        if (loads.Count == 0)
        {
            error = "--containers is empty; give COUNTxTYPE (e.g. 2x40HC)";
            return null;
        }

        return loads;
    }

    private static RouteConstraints? Constraints(CorridorNetwork network, PlanArguments arguments, out string? error)
    {
        error = null;
        var countries = new HashSet<CountryCode>();
        foreach (var item in CommaList.Items(arguments.AvoidCountries))
        {
            if (!CountryCode.TryParse(item, out var code) || !network.Reference.Countries.Contains(code))
            {
                error = $"--avoid-countries '{item}' is not an ISO 3166-1 alpha-2 country code known to the network (e.g. RU,BY)";
                return null;
            }

            countries.Add(code);
        }

        var terminals = new HashSet<Locode>();
        foreach (var item in CommaList.Items(arguments.Avoid))
        {
            var terminal = TerminalQuery.Resolve(network, item, "--avoid", out error);
            if (terminal is null)
            {
                return null;
            }

            terminals.Add(terminal.Locode);
        }

        var modes = new HashSet<TransportMode>();
        foreach (var item in CommaList.Items(arguments.Modes))
        {
            if (!ModeWords.TryGetValue(item, out var mode))
            {
                error = $"--modes '{item}' is not a mode (rail, road, ferry, sea)";
                return null;
            }

            modes.Add(mode);
        }

        int? maxTransfers = null;
        if (arguments.MaxTransfers is not null)
        {
            if (!int.TryParse(arguments.MaxTransfers, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max) || max > 100)
            {
                error = $"--max-transfers '{arguments.MaxTransfers}' is not a whole number from 0 to 100";
                return null;
            }

            maxTransfers = max;
        }

        return new RouteConstraints
        {
            AvoidCountries = countries,
            AvoidTerminals = terminals,
            AllowedModes = modes,
            MaxTransfers = maxTransfers,
        };
    }

    [GeneratedRegex(@"^(?:(?<n>\d{1,6})\s*[x×*]\s*)?(?<type>[A-Za-z0-9]{2,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerPattern();
}
