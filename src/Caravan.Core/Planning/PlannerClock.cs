namespace Caravan.Core.Planning;

/// <summary>
/// The planner's time base: whole minutes since Monday 3 January 2000 00:00 UTC, so that the minute of the
/// week (timetables repeat weekly) is the time modulo 10,080.
/// </summary>
internal static class PlannerClock
{
    public static readonly DateTimeOffset Epoch = new(2000, 1, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Minutes since the epoch, rounded up to the next whole minute.</summary>
    public static int ToMinutes(DateTimeOffset time)
    {
        var minutes = (time.ToUniversalTime() - Epoch).TotalMinutes;
        if (minutes is < 0 or > int.MaxValue / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "Planning works with times between the year 2000 and the year 4000.");
        }

        return (int)Math.Ceiling(minutes - 1e-9);
    }

    public static DateTimeOffset ToTime(int minutes) => Epoch.AddMinutes(minutes);
}
