using Caravan.Core.Geography;
using Caravan.Core.Telemetry;

namespace Caravan.Core.Tests.Telemetry;

public sealed class TrackerReadingTests
{
    [Fact]
    public void Time_is_normalised_to_UTC()
    {
        var local = new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.FromHours(5));

        var reading = new TrackerReading(DeviceId.Parse("trk-1"), local, new GeoPoint(43.65, 51.16));

        Assert.Equal(TimeSpan.Zero, reading.Time.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), reading.Time);
    }

    [Fact]
    public void Optional_values_are_absent_unless_reported()
    {
        var reading = new TrackerReading(DeviceId.Parse("trk-1"), DateTimeOffset.UnixEpoch, new GeoPoint(0, 0));

        Assert.Null(reading.SpeedKmh);
        Assert.Null(reading.TemperatureC);
        Assert.Null(reading.Door);
        Assert.Equal(DoorState.Open, (reading with { Door = DoorState.Open }).Door);
    }

    [Fact]
    public void A_reading_needs_a_device() =>
        Assert.Throws<ArgumentException>(() => new TrackerReading(default, DateTimeOffset.UnixEpoch, new GeoPoint(0, 0)));
}
