namespace Caravan.Cli.Output.Json;

/// <summary>The request as the planner understood it, after names were resolved and defaults applied.</summary>
public sealed record PlanRequestJson(
    PlaceJson From,
    PlaceJson To,
    string EarliestDeparture,
    string LatestDeparture,
    double DepartureWindowHours,
    IReadOnlyList<ContainerJson> Containers,
    IReadOnlyList<string> AvoidCountries,
    IReadOnlyList<string> AvoidTerminals,
    IReadOnlyList<string> Modes,
    int? MaxTransfers);
