namespace Caravan.Core.Planning.Search;

/// <summary>A request compiled against a network: terminal indices, times in planner minutes, constraint masks.</summary>
internal sealed record SearchRequest
{
    public required int Origin { get; init; }

    public required int Destination { get; init; }

    public required int Start { get; init; }

    public required int WindowEnd { get; init; }

    public required int HorizonEnd { get; init; }

    /// <summary>Terminals the itinerary may not touch; null when none are avoided.</summary>
    public bool[]? BlockedTerminal { get; init; }

    /// <summary>Links the itinerary may not use (avoided country on the way, mode not allowed); null when none.</summary>
    public bool[]? BlockedLink { get; init; }

    /// <summary>
    /// Services that can be boarded at the origin, by index: a ride on one of them stops short of the origin when it
    /// comes past it again (a journey never comes back to its origin), so boardings compare only within the stretch
    /// between such stops, as with an avoided terminal.
    /// </summary>
    public required bool[] ServiceCallsAtOrigin { get; init; }

    /// <summary>Modes allowed, by <see cref="Network.TransportMode"/> value.</summary>
    public required bool[] ModeAllowed { get; init; }

    public int? MaxTransfers { get; init; }

    public required PlanningCriteria Criteria { get; init; }

    /// <summary>
    /// ε of the search: a label still dominates one that is up to this fraction better in time in transit
    /// (arrival − start), cost and CO2e. Zero keeps the exact Pareto set.
    /// </summary>
    public double Tolerance { get; init; }

    /// <summary>Whether to prune with lower bounds towards the destination (off only to check the pruning in tests).</summary>
    public bool UseLowerBounds { get; init; } = true;

    /// <summary>
    /// Whether the search skips the moves that what it has already expanded covers (a transfer from a terminal left
    /// earlier before — in a multi-criteria search, no later, dearer or dirtier, see <see cref="TransferDepartures"/>;
    /// in an earliest-arrival search also a ride beyond a stop where the same or an earlier trip was boarded before):
    /// off only to check in tests that skipping them changes no answer.
    /// </summary>
    public bool SkipCoveredMoves { get; init; } = true;
}
