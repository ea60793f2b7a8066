using Caravan.Core.Geography;
using Caravan.Core.Telemetry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Telemetry;

/// <summary>
/// Downsampling a device's past: the first reading of every interval and the notable ones (door, shock, temperature
/// steps) are kept, whatever the series; thinning what was kept keeps it all; and policies refuse senseless values.
/// </summary>
public sealed class ReadingDownsamplerTests
{
    private static readonly DeviceId Device = DeviceId.Parse("trk-thin");
    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);
    private static readonly ReadingDownsampler Thinner = new(keepShockG: 4, keepTemperatureStepC: 1);

    [Fact]
    public void One_reading_a_minute_becomes_the_first_of_every_ten_minutes()
    {
        var readings = Enumerable.Range(0, 60).Select(i => At(i)).ToList();

        var kept = Kept(null, readings);

        Assert.Equal([0, 10, 20, 30, 40, 50], kept.Select(r => (int)(r.Time - T0).TotalMinutes));
    }

    [Fact]
    public void The_door_opening_and_closing_a_hard_shock_and_a_temperature_step_are_kept_between_interval_starts()
    {
        var readings = Enumerable.Range(0, 10).Select(i => i switch
        {
            2 => At(i) with { Door = DoorState.Open },
            3 => At(i) with { Door = DoorState.Open },
            4 => At(i) with { Door = DoorState.Closed },
            5 => At(i) with { Door = DoorState.Closed },
            6 => At(i) with { ShockG = 4.0 },
            7 => At(i) with { ShockG = 3.9, TemperatureC = 5.9 },
            8 => At(i) with { TemperatureC = 6.0 },
            _ => At(i) with { TemperatureC = 5.0 },
        }).ToList();

        var kept = Kept(null, readings);

        // 0 starts the interval (5.0 °C); 2, 3 open, 4 closes; 6 at the threshold; 8 is 1 °C from the 5.0 kept; 9 is back.
        Assert.Equal([0, 2, 3, 4, 6, 8, 9], kept.Select(r => (int)(r.Time - T0).TotalMinutes));
    }

    [Fact]
    public void A_reading_in_the_interval_of_the_previous_stored_one_is_not_the_first_there()
    {
        var readings = Enumerable.Range(5, 10).Select(i => At(i)).ToList();

        var kept = Kept(At(4), readings);

        Assert.Equal([10], kept.Select(r => (int)(r.Time - T0).TotalMinutes));
    }

    [Property(MaxTest = 300)]
    public Property Whatever_the_series_every_interval_keeps_a_reading_the_notable_ones_are_kept_and_thinning_again_keeps_all() =>
        Prop.ForAll(Series().ToArbitrary(), readings =>
        {
            var kept = Kept(null, readings);
            var again = Kept(null, kept);
            var slots = readings.Select(r => r.Time.UtcTicks / TenMinutes.Ticks).Distinct().Count();
            var keptSlots = kept.Select(r => r.Time.UtcTicks / TenMinutes.Ticks).Distinct().Count();
            var notable = readings.Where(r => r.Door == DoorState.Open || r.ShockG >= 4).ToList();
            return (again.SequenceEqual(kept)
                    && slots == keptSlots
                    && notable.All(kept.Contains)
                    && kept.All(readings.Contains))
                .Label($"{readings.Count} readings, {kept.Count} kept, {again.Count} kept again");
        });

    [Theory]
    [InlineData(0, 10, null, "fullRateDays")]
    [InlineData(30, 0, null, "downsampleMinutes")]
    [InlineData(30, 1441, null, "downsampleMinutes")]
    [InlineData(30, 10, 30, "deleteAfterDays")]
    [InlineData(30, 10, 36_501, "deleteAfterDays")]
    public void A_policy_with_a_senseless_value_names_the_field(int fullRateDays, int downsampleMinutes, int? deleteAfterDays, string field)
    {
        Assert.Null(RetentionPolicy.TryCreate(fullRateDays, downsampleMinutes, deleteAfterDays, out var problems));
        Assert.Equal([field], problems.Select(p => p.Field));
    }

    [Fact]
    public void A_policy_dates_its_horizons_from_now()
    {
        var policy = RetentionPolicy.Create(30, 10, 365);
        Assert.Equal(T0.AddDays(-30), policy.DownsampleBefore(T0));
        Assert.Equal(T0.AddDays(-365), policy.DeleteBefore(T0));
        Assert.Null(RetentionPolicy.Create(30, 10, null).DeleteBefore(T0));
    }

    private static List<TrackerReading> Kept(TrackerReading? previous, IReadOnlyList<TrackerReading> readings)
    {
        var dropped = Thinner.Dropped(previous, readings, TenMinutes).ToHashSet();
        return [.. readings.Where(r => !dropped.Contains(r))];
    }

    private static TrackerReading At(int minute) => new(Device, T0.AddMinutes(minute), new GeoPoint(43, 51));

    // Readings 1 s to 20 min apart with sometimes a door, a shock, a temperature.
    private static Gen<List<TrackerReading>> Series() =>
        from steps in Gen.Choose(1, 1200).ListOf()
        from extras in Gen.Choose(0, 99).ListOf(steps.Count)
        from temperatures in Gen.Choose(-40, 40).ListOf(steps.Count)
        select steps.Select((_, i) =>
        {
            var extra = extras[i];
            return new TrackerReading(Device, T0.AddSeconds(steps.Take(i + 1).Sum()), new GeoPoint(43, 51))
            {
                Door = extra < 10 ? DoorState.Open : extra < 30 ? DoorState.Closed : null,
                ShockG = extra is >= 30 and < 40 ? extra / 5.0 : null,
                TemperatureC = extra >= 50 ? temperatures[i] / 4.0 : null,
            };
        }).ToList();
}
