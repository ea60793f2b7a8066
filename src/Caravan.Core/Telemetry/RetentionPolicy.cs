namespace Caravan.Core.Telemetry;

/// <summary>
/// How long a party's tracker readings are kept at the rate the devices sent them, and what happens after: readings
/// older than <see cref="FullRateDays"/> are thinned by <see cref="ReadingDownsampler"/> to one per device per
/// <see cref="DownsampleMinutes"/> (keeping the readings alerts care about), and readings older than
/// <see cref="DeleteAfterDays"/> are deleted — or never, when it is null. Whole days and minutes, so a policy reads as
/// it is configured.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>The longest any horizon may be: 100 years.</summary>
    public const int MaxDays = 36_500;

    /// <summary>The longest downsampling interval: one reading a day.</summary>
    public const int MaxDownsampleMinutes = 1_440;

    private RetentionPolicy(int fullRateDays, int downsampleMinutes, int? deleteAfterDays)
    {
        FullRateDays = fullRateDays;
        DownsampleMinutes = downsampleMinutes;
        DeleteAfterDays = deleteAfterDays;
    }

    /// <summary>Days a reading is kept as sent (1 … 36,500).</summary>
    public int FullRateDays { get; }

    /// <summary>After <see cref="FullRateDays"/>, one reading per device per this many minutes is kept (1 … 1,440), besides the notable ones.</summary>
    public int DownsampleMinutes { get; }

    /// <summary>Days after which a reading is deleted (more than <see cref="FullRateDays"/>, at most 36,500); null: never.</summary>
    public int? DeleteAfterDays { get; }

    /// <summary>The downsampling interval.</summary>
    public TimeSpan Interval => TimeSpan.FromMinutes(DownsampleMinutes);

    /// <summary>Readings before this time are downsampled; none at or after it is touched.</summary>
    public DateTimeOffset DownsampleBefore(DateTimeOffset now) => now - TimeSpan.FromDays(FullRateDays);

    /// <summary>Readings before this time are deleted; null when nothing is.</summary>
    public DateTimeOffset? DeleteBefore(DateTimeOffset now) => DeleteAfterDays is { } days ? now - TimeSpan.FromDays(days) : null;

    /// <summary>The policy, or every problem with the values at once, each naming its field (<c>fullRateDays</c>, …).</summary>
    public static RetentionPolicy? TryCreate(int fullRateDays, int downsampleMinutes, int? deleteAfterDays, out IReadOnlyList<TelemetryProblem> problems)
    {
        var found = new List<TelemetryProblem>();
        if (fullRateDays is < 1 or > MaxDays)
        {
            found.Add(new("fullRateDays", $"{fullRateDays} is outside [1, {MaxDays}] days."));
        }

        if (downsampleMinutes is < 1 or > MaxDownsampleMinutes)
        {
            found.Add(new("downsampleMinutes", $"{downsampleMinutes} is outside [1, {MaxDownsampleMinutes}] minutes."));
        }

        if (deleteAfterDays is { } delete && (delete <= fullRateDays || delete > MaxDays))
        {
            found.Add(new("deleteAfterDays", $"{delete} must be more than fullRateDays ({fullRateDays}) and at most {MaxDays} days, or null to keep readings."));
        }

        problems = found;
        return found.Count == 0 ? new RetentionPolicy(fullRateDays, downsampleMinutes, deleteAfterDays) : null;
    }

    /// <summary>As <see cref="TryCreate"/>, for values known to be valid.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public static RetentionPolicy Create(int fullRateDays, int downsampleMinutes, int? deleteAfterDays) =>
        TryCreate(fullRateDays, downsampleMinutes, deleteAfterDays, out var problems)
        ?? throw new ArgumentException(string.Join(" ", problems));
}
