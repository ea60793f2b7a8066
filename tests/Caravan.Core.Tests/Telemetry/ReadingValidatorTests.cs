using Caravan.Core.Geography;
using Caravan.Core.Telemetry;

namespace Caravan.Core.Tests.Telemetry;

public sealed class ReadingValidatorTests
{
    private static readonly ReadingValidator Validator = new(new FixedClock(FixedClock.Noon));

    private static readonly TrackerReading Aktau = new(DeviceId.Parse("trk-1"), FixedClock.Noon.AddMinutes(-3), new GeoPoint(43.65, 51.16))
    {
        SpeedKmh = 62.5,
        HeadingDegrees = 270,
        AltitudeM = -20,
        AccuracyM = 8,
        TemperatureC = -18.5,
        HumidityPercent = 55,
        ShockG = 0.4,
        Door = DoorState.Closed,
        BatteryPercent = 87,
    };

    [Fact]
    public void A_plausible_reading_passes_unchanged()
    {
        var result = Validator.Validate(Aktau);

        Assert.True(result.Succeeded);
        Assert.Same(Aktau, result.Reading);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_reading_with_only_time_and_position_passes() =>
        Assert.True(Validator.Validate(new TrackerReading(Aktau.Device, Aktau.Time, Aktau.Position)).Succeeded);

    public static TheoryData<string, TrackerReading> Implausible => new()
    {
        { "speed", Aktau with { SpeedKmh = -1 } },
        { "speed", Aktau with { SpeedKmh = 1500 } },
        { "speed", Aktau with { SpeedKmh = double.NaN } },
        { "heading", Aktau with { HeadingDegrees = 361 } },
        { "heading", Aktau with { HeadingDegrees = double.PositiveInfinity } },
        { "altitude", Aktau with { AltitudeM = 20_000 } },
        { "accuracy", Aktau with { AccuracyM = -3 } },
        { "temperature", Aktau with { TemperatureC = -90 } },
        { "temperature", Aktau with { TemperatureC = double.NaN } },
        { "humidity", Aktau with { HumidityPercent = 100.5 } },
        { "shock", Aktau with { ShockG = 250 } },
        { "battery", Aktau with { BatteryPercent = 101 } },
        { "time", Aktau with { Time = new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero) } },
        { "time", Aktau with { Time = new DateTimeOffset(3000, 1, 1, 0, 0, 0, TimeSpan.Zero) } },
        { "time", Aktau with { Time = FixedClock.Noon.AddMinutes(5).AddSeconds(1) } },
    };

    [Theory]
    [MemberData(nameof(Implausible))]
    public void An_implausible_value_is_a_problem_naming_its_field(string field, TrackerReading reading)
    {
        var result = Validator.Validate(reading);

        Assert.False(result.Succeeded);
        Assert.Null(result.Reading);
        Assert.Equal(field, Assert.Single(result.Problems).Field);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = Validator.Validate(Aktau with { SpeedKmh = double.NaN, BatteryPercent = -1, Time = FixedClock.Noon.AddDays(1) });

        Assert.Equal(["time", "speed", "battery"], result.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Five_minutes_of_clock_skew_are_tolerated_by_default() =>
        Assert.True(Validator.Validate(Aktau with { Time = FixedClock.Noon.AddMinutes(5) }).Succeeded);

    [Fact]
    public void The_future_tolerance_is_configurable()
    {
        var strict = new ReadingValidator(new FixedClock(FixedClock.Noon), TimeSpan.FromMinutes(1));

        Assert.False(strict.Validate(Aktau with { Time = FixedClock.Noon.AddMinutes(2) }).Succeeded);
        Assert.True(strict.Validate(Aktau with { Time = FixedClock.Noon.AddMinutes(1) }).Succeeded);
    }

    [Fact]
    public void Bounds_are_inclusive() =>
        Assert.True(Validator.Validate(Aktau with
        {
            Time = ReadingValidator.EarliestTime,
            SpeedKmh = 0,
            HeadingDegrees = 360,
            HumidityPercent = 100,
            BatteryPercent = 0,
            TemperatureC = ReadingValidator.MaxTemperatureC,
        }).Succeeded);
}
