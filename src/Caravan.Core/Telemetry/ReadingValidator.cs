namespace Caravan.Core.Telemetry;

/// <summary>
/// Checks that a reading is plausible before it is stored: every number finite and within the physical range of
/// a container tracker, and the time neither before 2000 nor further in the future than clock skew explains.
/// Problems name fields by their payload names (<c>speed</c>, <c>temperature</c>), as docs/telemetry.md lists them.
/// </summary>
public sealed class ReadingValidator
{
    /// <summary>The earliest time accepted: 2000-01-01T00:00:00Z. Earlier times are unset device clocks.</summary>
    public static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far ahead of the server's clock a reading's time may be unless configured: 5 minutes.</summary>
    public static readonly TimeSpan DefaultMaxFutureSkew = TimeSpan.FromMinutes(5);

    /// <summary>Highest speed in km/h: an air-freight leg is the fastest a container moves.</summary>
    public const double MaxSpeedKmh = 1200;

    /// <summary>Largest accuracy radius in metres: a coarse cell-tower fix.</summary>
    public const double MaxAccuracyM = 50_000;

    /// <summary>Lowest and highest altitude in metres: the Dead Sea shore to an aircraft hold.</summary>
    public const double MinAltitudeM = -500, MaxAltitudeM = 15_000;

    /// <summary>Lowest and highest temperature in °C: below deep-frozen reefer cargo to a container in desert sun.</summary>
    public const double MinTemperatureC = -80, MaxTemperatureC = 100;

    /// <summary>Largest shock in g that a tracker's accelerometer reports.</summary>
    public const double MaxShockG = 200;

    private readonly TimeProvider _clock;

    public ReadingValidator(TimeProvider clock, TimeSpan? maxFutureSkew = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var skew = maxFutureSkew ?? DefaultMaxFutureSkew;
        ArgumentOutOfRangeException.ThrowIfLessThan(skew, TimeSpan.Zero, nameof(maxFutureSkew));
        _clock = clock;
        MaxFutureSkew = skew;
    }

    /// <summary>How far ahead of the server's clock a reading's time may be.</summary>
    public TimeSpan MaxFutureSkew { get; }

    /// <summary>The server's clock, also used when a protocol lets a device omit the time (OsmAnd).</summary>
    public TimeProvider Clock => _clock;

    public ReadingValidation Validate(TrackerReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var problems = new List<TelemetryProblem>();

        if (reading.Time < EarliestTime)
        {
            problems.Add(new("time", $"{reading.Time:O} is before {EarliestTime:yyyy-MM-dd}; the device clock is not set."));
        }

        var latest = _clock.GetUtcNow() + MaxFutureSkew;
        if (reading.Time > latest)
        {
            problems.Add(new("time", $"{reading.Time:O} is more than {MaxFutureSkew.TotalMinutes:0.#} minutes ahead of the server's clock."));
        }

        CheckRange(problems, "speed", reading.SpeedKmh, 0, MaxSpeedKmh, "km/h");
        CheckRange(problems, "heading", reading.HeadingDegrees, 0, 360, "degrees");
        CheckRange(problems, "altitude", reading.AltitudeM, MinAltitudeM, MaxAltitudeM, "m");
        CheckRange(problems, "accuracy", reading.AccuracyM, 0, MaxAccuracyM, "m");
        CheckRange(problems, "temperature", reading.TemperatureC, MinTemperatureC, MaxTemperatureC, "°C");
        CheckRange(problems, "humidity", reading.HumidityPercent, 0, 100, "%");
        CheckRange(problems, "shock", reading.ShockG, 0, MaxShockG, "g");
        CheckRange(problems, "battery", reading.BatteryPercent, 0, 100, "%");

        return problems.Count == 0 ? new(reading, []) : new(null, problems);
    }

    private static void CheckRange(List<TelemetryProblem> problems, string field, double? value, double min, double max, string unit)
    {
        if (value is not { } v)
        {
            return;
        }

        if (!double.IsFinite(v))
        {
            problems.Add(new(field, $"{v} is not a finite number."));
        }
        else if (v < min || v > max)
        {
            problems.Add(new(field, FormattableString.Invariant($"{v} {unit} is outside [{min}, {max}] {unit}.")));
        }
    }
}
