namespace Caravan.Cli.Output.Json;

/// <summary>One Pareto itinerary in plan JSON, with totals for the whole consignment.</summary>
public sealed record ItineraryJson(
    string Corridor,
    IReadOnlyList<string> Corridors,
    string Departure,
    string Arrival,
    string ArrivalP50,
    string ArrivalP90,
    double TransitHours,
    double CostUsd,
    double Co2eKg,
    double DistanceKm,
    int Transfers,
    IReadOnlyList<string> Countries,
    IReadOnlyList<LegJson> Legs);
