using Caravan.Core.Geography;

namespace Caravan.Core.Planning;

/// <summary>
/// A question to the planner: from where to where, from when (the container is ready at the origin at
/// <see cref="EarliestDeparture"/> and leaves no later than the end of <see cref="DepartureWindow"/>), what
/// containers, under which constraints, optimising which criteria.
/// </summary>
public sealed record RouteRequest
{
    public RouteRequest(Locode origin, Locode destination, DateTimeOffset earliestDeparture, IReadOnlyList<ContainerLoad> containers)
    {
        ArgumentNullException.ThrowIfNull(containers);
        if (containers.Count == 0)
        {
            throw new ArgumentException("A request needs at least one container.", nameof(containers));
        }

        Origin = origin;
        Destination = destination;
        EarliestDeparture = earliestDeparture;
        Containers = containers;
    }

    /// <summary>The earliest departure the planner accepts (it counts minutes from this Monday).</summary>
    public static DateTimeOffset EarliestPossibleDeparture => PlannerClock.Epoch;

    /// <summary>The latest time the planner accepts: the end of a request's departure window must not be after it.</summary>
    public static DateTimeOffset LatestPossibleDeparture => PlannerClock.Latest;

    public Locode Origin { get; }

    public Locode Destination { get; }

    public DateTimeOffset EarliestDeparture { get; }

    /// <summary>How long after the earliest departure the container may still leave the origin (default 7 days).</summary>
    public TimeSpan DepartureWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Itineraries arriving later than this after the earliest departure are not searched (default 120 days).</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(120);

    public IReadOnlyList<ContainerLoad> Containers { get; }

    public RouteConstraints Constraints { get; init; } = RouteConstraints.None;

    public PlanningCriteria Criteria { get; init; } = PlanningCriteria.All;

    /// <summary>How different listed itineraries must be (default: 12 h, 1 %, 1 %).</summary>
    public FrontTolerance Tolerance { get; init; } = FrontTolerance.Default;

    /// <summary>Also return the best itinerary of each corridor not on the Pareto front (see <see cref="CorridorAlternative"/>).</summary>
    public bool IncludeCorridorAlternatives { get; init; }
}
