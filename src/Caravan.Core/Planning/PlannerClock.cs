namespace Caravan.Core.Planning;

/// <summary>
/// The planner's time base: whole minutes since Monday 3 January 2000 00:00 UTC, so that the minute of the
/// week (timetables repeat weekly) is the time modulo 10,080.
/// </summary>
internal static class PlannerClock
{
    public static readonly DateTimeOffset Epoch = new(2000, 1, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The last minute a time may fall on: half the range of an int, so sums of times and durations do not overflow.</summary>
    public const int MaxMinutes = int.MaxValue / 2;

    /// <summary>The latest time the planner works with (in the year 4042).</summary>
    public static readonly DateTimeOffset Latest = Epoch.AddMinutes(MaxMinutes);

    /// <summary>Minutes since the epoch, rounded up to the next whole minute.</summary>
    public static int ToMinutes(DateTimeOffset time)
    {
        var minutes = (time.ToUniversalTime() - Epoch).TotalMinutes;
        if (minutes is < 0 or > MaxMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "Planning works with times between the year 2000 and the year 4000.");
        }

        return (int)Math.Ceiling(minutes - 1e-9);
    }

    public static DateTimeOffset ToTime(int minutes) => Epoch.AddMinutes(minutes);
}
