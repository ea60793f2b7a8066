namespace Caravan.Core.Network;

/// <summary>A departure from a service's first stop that repeats every week, at a UTC time of day.</summary>
public readonly record struct WeeklyDeparture
{
    public WeeklyDeparture(int isoWeekday, TimeOnly timeUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(isoWeekday, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(isoWeekday, 7);
        IsoWeekday = isoWeekday;
        TimeUtc = timeUtc;
    }

    /// <summary>ISO 8601 weekday: 1 = Monday … 7 = Sunday.</summary>
    public int IsoWeekday { get; }

    public TimeOnly TimeUtc { get; }

    /// <summary>Minutes after Monday 00:00 UTC.</summary>
    public int MinuteOfWeek => ((IsoWeekday - 1) * 24 * 60) + (TimeUtc.Hour * 60) + TimeUtc.Minute;
}
