using System.Globalization;
using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using Caravan.Server.Errors;

namespace Caravan.Server.Planning;

/// <summary>
/// Checks a <see cref="PlanRequestBody"/> against the network and turns it into a <see cref="RouteRequest"/>, adding an
/// error for each field at fault under <c>path</c> (<c>$</c> for /api/plan, <c>$.itinerary.plan</c> in a shipment).
/// </summary>
public static class PlanRequestReader
{
    private const int MaxContainers = 10_000;
    private const double MaxWindowHours = 8760;

    private static readonly Dictionary<string, TransportMode> ModeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rail"] = TransportMode.Rail,
        ["road"] = TransportMode.Road,
        ["ferry"] = TransportMode.Ferry,
        ["sea"] = TransportMode.Sea,
    };

    /// <summary>
    /// The route request, or null when <paramref name="errors"/> gained entries. <paramref name="defaultDeparture"/> is
    /// used when the body has no earliest departure; null makes the field required.
    /// </summary>
    public static RouteRequest? Read(PlanRequestBody body, CorridorNetwork network, string path, FieldErrors errors, DateTimeOffset? defaultDeparture)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.ToDictionary().Count;
        var from = Terminal(body.From, network, $"{path}.from", errors);
        var to = Terminal(body.To, network, $"{path}.to", errors);
        var departure = body.EarliestDeparture ?? defaultDeparture;
        if (departure is null)
        {
            errors.Missing($"{path}.earliestDeparture");
        }

        var windowHours = body.DepartureWindowHours ?? 168;
        if (windowHours is < 0 or > MaxWindowHours || double.IsNaN(windowHours))
        {
            errors.Add($"{path}.departureWindowHours", $"The departure window must be from 0 to {MaxWindowHours} hours.");
        }
        else if (departure is { } start && !Plannable(start, TimeSpan.FromHours(windowHours)))
        {
            errors.Add($"{path}.earliestDeparture", $"The planner works with times from {Utc(RouteRequest.EarliestPossibleDeparture)} to {Utc(RouteRequest.LatestPossibleDeparture)}: the earliest departure and the end of its departure window must lie between them.");
        }

        var containers = Containers(body.Containers, network, $"{path}.containers", errors);
        var countries = new HashSet<CountryCode>();
        for (var i = 0; i < (body.AvoidCountries?.Count ?? 0); i++)
        {
            if (!CountryCode.TryParse(body.AvoidCountries![i], out var code) || !network.Reference.Countries.Contains(code))
            {
                errors.Add($"{path}.avoidCountries[{i}]", $"'{body.AvoidCountries[i]}' is not an ISO 3166-1 alpha-2 country code known to the network.");
            }
            else
            {
                countries.Add(code);
            }
        }

        var terminals = new HashSet<Locode>();
        for (var i = 0; i < (body.AvoidTerminals?.Count ?? 0); i++)
        {
            if (Terminal(body.AvoidTerminals![i], network, $"{path}.avoidTerminals[{i}]", errors) is { } avoid)
            {
                terminals.Add(avoid);
            }
        }

        var modes = new HashSet<TransportMode>();
        for (var i = 0; i < (body.Modes?.Count ?? 0); i++)
        {
            if (ModeWords.TryGetValue(body.Modes![i] ?? string.Empty, out var mode))
            {
                modes.Add(mode);
            }
            else
            {
                errors.Add($"{path}.modes[{i}]", $"'{body.Modes[i]}' is not a mode (rail, road, ferry, sea).");
            }
        }

        if (body.MaxTransfers is < 0 or > 100)
        {
            errors.Add($"{path}.maxTransfers", "The most transfers must be from 0 to 100.");
        }

        if (errors.ToDictionary().Count > before || from is null || to is null || departure is null || containers is null)
        {
            return null;
        }

        return new RouteRequest(from.Value, to.Value, departure.Value.ToUniversalTime(), containers)
        {
            DepartureWindow = TimeSpan.FromHours(windowHours),
            Constraints = new RouteConstraints
            {
                AvoidCountries = countries,
                AvoidTerminals = terminals,
                AllowedModes = modes,
                MaxTransfers = body.MaxTransfers,
            },
        };
    }

    /// <summary>The request as the planner understood it, in the form a client sends back to book an itinerary.</summary>
    public static PlanRequestBody Echo(RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = request.Constraints;
        return new PlanRequestBody
        {
            From = request.Origin.Value,
            To = request.Destination.Value,
            EarliestDeparture = request.EarliestDeparture,
            DepartureWindowHours = request.DepartureWindow.TotalHours,
            Containers = request.Containers.Select(x => new ContainerLoadBody { Type = x.Type.Code, Count = x.Count }).ToList(),
            AvoidCountries = c.AvoidCountries.Select(x => x.Value).Order(StringComparer.Ordinal).ToList(),
            AvoidTerminals = c.AvoidTerminals.Select(x => x.Value).Order(StringComparer.Ordinal).ToList(),
            Modes = c.AllowedModes.Order().Select(m => m.ToString().ToLowerInvariant()).ToList(),
            MaxTransfers = c.MaxTransfers,
        };
    }

    // Both ends of the departure window within the planner's clock; compared so that no date arithmetic can overflow.
    private static bool Plannable(DateTimeOffset start, TimeSpan window) =>
        start >= RouteRequest.EarliestPossibleDeparture && RouteRequest.LatestPossibleDeparture - start >= window;

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static Locode? Terminal(string? text, CorridorNetwork network, string path, FieldErrors errors)
    {
        if (text is null)
        {
            errors.Missing(path);
            return null;
        }

        if (!Locode.TryParse(text, out var locode))
        {
            errors.Add(path, $"'{text}' is not a UN/LOCODE (two letters, then three of A–Z or 2–9).");
            return null;
        }

        if (network.FindTerminal(locode) is null)
        {
            errors.Add(path, $"{locode} is not a terminal of the corridor network.");
            return null;
        }

        return locode;
    }

    private static List<ContainerLoad>? Containers(IReadOnlyList<ContainerLoadBody>? bodies, CorridorNetwork network, string path, FieldErrors errors)
    {
        if (bodies is null || bodies.Count == 0)
        {
            var standard = network.FindContainerType("40HC") ?? network.Reference.ContainerTypes[0];
            return [new ContainerLoad(standard, 1)];
        }

        var loads = new List<ContainerLoad>();
        for (var i = 0; i < bodies.Count; i++)
        {
            var body = bodies[i];
            var type = body?.Type is { } code ? network.FindContainerType(code) : null;
            if (type is null)
            {
                var known = string.Join(", ", network.Reference.ContainerTypes.Select(t => t.Code));
                errors.Add($"{path}[{i}].type", $"'{body?.Type}' is not a container type (known: {known}).");
            }

            var count = body?.Count ?? 1;
            if (count is < 1 or > MaxContainers)
            {
                errors.Add($"{path}[{i}].count", $"The count must be from 1 to {MaxContainers}.");
            }

            if (type is not null && count is >= 1 and <= MaxContainers)
            {
                loads.Add(new ContainerLoad(type, count));
            }
        }

        return loads.Count == bodies.Count ? loads : null;
    }
}
