namespace Caravan.Core.Telemetry;

/// <summary>
/// Turns one device's readings into arrivals at and departures from the stops of its shipment's route. Each stop has a
/// <see cref="GeofenceTracker"/> (hysteresis and minimum dwell, so jitter produces nothing); on top of it the route
/// adds order: an arrival counts only at the furthest stop reached or beyond (a container does not go back along its
/// itinerary, and a terminal passed again later is not a new call), and a departure only from a stop the container is
/// held to be at. Readings are applied in time order; one not newer than the last applied is ignored, so repeated and
/// late readings never produce duplicates.
/// </summary>
public sealed class ProgressTracker
{
    private readonly GeofenceTracker[] _trackers;

    public ProgressTracker(ProgressRoute route, GeofenceRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        Route = route;
        _trackers = route.Stops.Select(s => new GeofenceTracker(s.Geofence, rules)).ToArray();
    }

    public ProgressRoute Route { get; }

    /// <summary>The state before any reading.</summary>
    public ProgressState Initial => ProgressState.Initial(_trackers.Length);

    /// <summary>Applies <paramref name="readings"/> (any order, repeats allowed) to <paramref name="state"/>.</summary>
    public ProgressStep Apply(ProgressState state, IEnumerable<TrackerReading> readings)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(readings);
        if (state.Stops.Count != _trackers.Length)
        {
            throw new ArgumentException($"The state has {state.Stops.Count} stops; the route has {_trackers.Length}.", nameof(state));
        }

        var stops = state.Stops.ToArray();
        var reached = state.Reached;
        var last = state.LastReadingTime;
        var observations = new List<ProgressObservation>();
        foreach (var reading in readings.OrderBy(r => r.Time))
        {
            if (last is { } l && reading.Time <= l)
            {
                continue;
            }

            last = reading.Time;
            var arrived = false;
            for (var i = 0; i < stops.Length; i++)
            {
                var before = stops[i];
                var step = _trackers[i].Apply(before.Geofence, reading.Time, reading.Position);
                var stop = before with { Geofence = step.State };
                var mayArrive = !arrived && i >= reached && !before.Inside;
                if (step.Transition is { Kind: GeofenceTransitionKind.Entered } entered && mayArrive)
                {
                    stop = stop with { Visits = before.Visits + 1, Inside = true, ArrivedAt = entered.Time };
                    observations.Add(new(ProgressObservationKind.Arrival, Route.Stops[i], stop.Visits, entered.Time));
                    (arrived, reached) = (true, i);
                }
                else if (step.Transition is { Kind: GeofenceTransitionKind.Left } left && before.Inside)
                {
                    stop = stop with { Inside = false, DepartedAt = left.Time };
                    observations.Add(new(ProgressObservationKind.Departure, Route.Stops[i], before.Visits, left.Time));
                }
                else if (before.Geofence.Confirmed == GeofenceSide.Unknown && step.State.Confirmed == GeofenceSide.Inside && mayArrive)
                {
                    // The first clear reading is inside: the container was already here when tracking began.
                    stop = stop with { Inside = true };
                    (arrived, reached) = (true, i);
                }

                stops[i] = stop;
            }
        }

        // A departure confirmed later may be dated before an arrival confirmed earlier; at equal times, leaving comes first.
        var ordered = observations
            .OrderBy(o => o.Time)
            .ThenBy(o => o.Kind == ProgressObservationKind.Departure ? 0 : 1)
            .ThenBy(o => o.Stop.Index)
            .ToList();
        return new ProgressStep(new ProgressState(stops, reached, last), ordered);
    }
}
