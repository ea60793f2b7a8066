namespace Caravan.Server.Planning;

/// <summary>
/// A route question in JSON, as <c>POST /api/plan</c> takes it and echoes it back with defaults filled in. Send the
/// echoed form with a shipment to book one of its itineraries.
/// </summary>
public sealed record PlanRequestBody
{
    /// <summary>Origin terminal, a UN/LOCODE of the network (CNXIY).</summary>
    public string? From { get; init; }

    /// <summary>Destination terminal, a UN/LOCODE of the network (DEDUI).</summary>
    public string? To { get; init; }

    /// <summary>When the container is ready at the origin (UTC); default tomorrow 00:00 UTC.</summary>
    public DateTimeOffset? EarliestDeparture { get; init; }

    /// <summary>How long after the earliest departure it may still leave, in hours (default 168, at most 8760).</summary>
    public double? DepartureWindowHours { get; init; }

    /// <summary>The containers; default one 40HC.</summary>
    public IReadOnlyList<ContainerLoadBody>? Containers { get; init; }

    /// <summary>ISO 3166-1 alpha-2 countries no leg may enter or cross.</summary>
    public IReadOnlyList<string>? AvoidCountries { get; init; }

    /// <summary>UN/LOCODEs of terminals the route may not pass.</summary>
    public IReadOnlyList<string>? AvoidTerminals { get; init; }

    /// <summary>Modes the route may use (rail, road, ferry, sea); all when empty.</summary>
    public IReadOnlyList<string>? Modes { get; init; }

    /// <summary>The most changes of vehicle, service or gauge, 0 to 100; unlimited when absent.</summary>
    public int? MaxTransfers { get; init; }
}
