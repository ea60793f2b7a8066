namespace Caravan.Benchmarks.Synthetic;

/// <summary>
/// The size and seed of a synthetic continental network. The defaults are the scale the planner's budgets are
/// set for (issue 2): 20,000 terminals, about 100,000 links and 1,000,000 departures a week.
/// </summary>
public sealed record ContinentalNetworkOptions
{
    public static ContinentalNetworkOptions Default { get; } = new();

    /// <summary>Seed of the pseudo-random generator: the same seed gives the same network, byte for byte.</summary>
    public int Seed { get; init; } = 1;

    public int Terminals { get; init; } = 20_000;

    /// <summary>Links to generate; a few more are added where needed to connect every terminal to the rest.</summary>
    public int Links { get; init; } = 100_000;

    /// <summary>Departures of all services in a week (rows of timetable.csv).</summary>
    public int WeeklyDepartures { get; init; } = 1_000_000;

    /// <summary>Long block trains (many stops, a few departures a week).</summary>
    public int LongHaulTrains { get; init; } = 3_000;

    /// <summary>Regional shuttles (a few stops, several departures a day): they carry most departures.</summary>
    public int RegionalTrains { get; init; } = 20_000;

    /// <summary>A network small enough for quick checks, with the same shape.</summary>
    public static ContinentalNetworkOptions Small(int seed = 1) => new()
    {
        Seed = seed,
        Terminals = 2_000,
        Links = 10_000,
        WeeklyDepartures = 100_000,
        LongHaulTrains = 300,
        RegionalTrains = 2_000,
    };
}
