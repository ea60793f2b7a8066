using Caravan.Core.Geography;

namespace Caravan.Core.Simulation;

/// <summary>
/// How one container actually travels its itinerary in a simulation: contiguous <see cref="Steps"/> of moving and
/// standing, from the tracker's first reading at the origin to its last at the destination. The actual times differ from
/// the planned ones by sampled dwell at terminals and borders, waits for the Caspian ferries, and missed departures.
/// </summary>
public sealed record Journey
{
    public Journey(IReadOnlyList<JourneyStep> steps, DateTimeOffset plannedArrival)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException("A journey has at least one step.", nameof(steps));
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].End < steps[i].Start || (i > 0 && steps[i].Start != steps[i - 1].End))
            {
                throw new ArgumentException($"Step {i} does not follow step {i - 1} in time.", nameof(steps));
            }
        }

        Steps = steps;
        PlannedArrival = plannedArrival;
    }

    public IReadOnlyList<JourneyStep> Steps { get; }

    /// <summary>When the tracker starts reporting at the origin.</summary>
    public DateTimeOffset Start => Steps[0].Start;

    /// <summary>When the tracker stops reporting at the destination.</summary>
    public DateTimeOffset End => Steps[^1].End;

    /// <summary>When the container actually leaves the origin (the end of its wait there).</summary>
    public DateTimeOffset Departure => Steps[0].Kind == JourneyStepKind.Origin ? Steps[0].End : Start;

    /// <summary>When the container actually arrives at the destination (the start of the last step).</summary>
    public DateTimeOffset Arrival => Steps[^1].Start;

    /// <summary>When the itinerary planned it to arrive.</summary>
    public DateTimeOffset PlannedArrival { get; }

    /// <summary>How late it arrives against the plan (negative: early).</summary>
    public TimeSpan Delay => Arrival - PlannedArrival;

    /// <summary>The route as a polyline: the start and end points of every step, repeated points removed.</summary>
    public IReadOnlyList<GeoPoint> Route
    {
        get
        {
            var points = new List<GeoPoint> { Steps[0].From };
            foreach (var step in Steps)
            {
                if (step.To != points[^1])
                {
                    points.Add(step.To);
                }
            }

            return points;
        }
    }

    /// <summary>Where the container is at <paramref name="time"/>, clamped to the journey's start and end.</summary>
    public JourneyPosition PositionAt(DateTimeOffset time)
    {
        var lo = 0;
        var hi = Steps.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Steps[mid].End <= time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var step = Steps[lo];
        if (!step.IsMoving || step.Duration <= TimeSpan.Zero)
        {
            return new JourneyPosition(time >= step.End ? step.To : step.From, 0, null, step);
        }

        var fraction = Math.Clamp((time - step.Start) / step.Duration, 0, 1);
        var point = new GeoPoint(
            step.From.Latitude + ((step.To.Latitude - step.From.Latitude) * fraction),
            step.From.Longitude + ((step.To.Longitude - step.From.Longitude) * fraction));
        return new JourneyPosition(point, step.SpeedKmh, Bearing(step.From, step.To), step);
    }

    /// <summary>The initial great-circle course from <paramref name="from"/> to <paramref name="to"/>, degrees in [0, 360).</summary>
    public static double Bearing(GeoPoint from, GeoPoint to)
    {
        var lat1 = double.DegreesToRadians(from.Latitude);
        var lat2 = double.DegreesToRadians(to.Latitude);
        var dLon = double.DegreesToRadians(to.Longitude - from.Longitude);
        var y = Math.Sin(dLon) * Math.Cos(lat2);
        var x = (Math.Cos(lat1) * Math.Sin(lat2)) - (Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(dLon));
        var degrees = double.RadiansToDegrees(Math.Atan2(y, x));
        return (degrees + 360) % 360;
    }
}
