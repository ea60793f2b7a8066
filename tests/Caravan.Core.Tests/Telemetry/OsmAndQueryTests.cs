using Caravan.Core.Geography;
using Caravan.Core.Telemetry;

namespace Caravan.Core.Tests.Telemetry;

public sealed class OsmAndQueryTests
{
    private static readonly ReadingValidator Validator = new(new FixedClock(FixedClock.Noon));

    // 2026-03-01T10:00:00Z
    private const long TenOClock = 1772359200;

    private static ReadingValidation Parse(string query) =>
        OsmAndQuery.Parse(
            query.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .Select(kv => KeyValuePair.Create(kv[0], Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : string.Empty))),
            Validator);

    private static TrackerReading Read(string query)
    {
        var result = Parse(query);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Reading!;
    }

    [Fact]
    public void The_parameters_Traccar_Client_sends_read_into_a_reading_with_speed_in_kmh()
    {
        var reading = Read($"id=123456&timestamp={TenOClock}&lat=43.65&lon=51.16&speed=10.0&bearing=270.0&altitude=-20.0&accuracy=8.0&batt=87.0");

        Assert.Equal(DeviceId.Parse("123456"), reading.Device);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), reading.Time);
        Assert.Equal(new GeoPoint(43.65, 51.16), reading.Position);
        Assert.Equal(18.52, reading.SpeedKmh!.Value, 6);
        Assert.Equal(270, reading.HeadingDegrees);
        Assert.Equal(-20, reading.AltitudeM);
        Assert.Equal(8, reading.AccuracyM);
        Assert.Equal(87, reading.BatteryPercent);
    }

    [Fact]
    public void Sensor_parameters_are_read_as_in_the_standards_example()
    {
        var reading = Read($"id=trk-9&timestamp={TenOClock}&lat=43.65&lon=51.16&temp1=4.5&door=true&humidity=70&shock=1.5");

        Assert.Equal(4.5, reading.TemperatureC);
        Assert.Equal(DoorState.Open, reading.Door);
        Assert.Equal(70, reading.HumidityPercent);
        Assert.Equal(1.5, reading.ShockG);
    }

    [Theory]
    [InlineData("deviceid=trk-9&heading=90&temperature=-18&door=closed")]
    [InlineData("id=trk-9&bearing=90&temp=-18&door=0")]
    public void Aliases_mean_the_same(string query)
    {
        var reading = Read($"{query}&timestamp={TenOClock}&lat=43.65&lon=51.16");

        Assert.Equal("trk-9", reading.Device.Value);
        Assert.Equal(90, reading.HeadingDegrees);
        Assert.Equal(-18, reading.TemperatureC);
        Assert.Equal(DoorState.Closed, reading.Door);
    }

    [Fact]
    public void Location_may_replace_lat_and_lon() =>
        Assert.Equal(new GeoPoint(41.65, 41.64), Read($"id=1&timestamp={TenOClock}&location=41.65,41.64").Position);

    [Theory]
    [InlineData("1772359200")]
    [InlineData("1772359200000")]
    [InlineData("2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01T14:00:00%2B04:00")]
    [InlineData("2026-03-01T10:00:00.000Z")]
    [InlineData("2026-03-01T10:00:00")]
    [InlineData("2026-03-01%2010:00:00")]
    public void Timestamps_are_seconds_milliseconds_or_dates(string timestamp) =>
        Assert.Equal(
            new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero),
            Read($"id=1&timestamp={timestamp}&lat=43.65&lon=51.16").Time);

    [Fact]
    public void Seconds_end_at_2_to_the_31_minus_1_and_milliseconds_begin_above()
    {
        var validator = new ReadingValidator(new FixedClock(new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        ReadingValidation At(long t) => OsmAndQuery.Parse(
            [new("id", "1"), new("lat", "1"), new("lon", "1"), new("timestamp", t.ToString(System.Globalization.CultureInfo.InvariantCulture))], validator);

        // 2^31 ms after the epoch is January 1970: read as milliseconds, it is refused as an unset clock.
        Assert.Equal(new DateTimeOffset(2038, 1, 19, 3, 14, 7, TimeSpan.Zero), At(int.MaxValue).Reading!.Time);
        Assert.Equal("timestamp", Assert.Single(At(int.MaxValue + 1L).Problems).Field);
    }

    [Fact]
    public void A_missing_timestamp_is_the_servers_time() =>
        Assert.Equal(FixedClock.Noon, Read("id=1&lat=43.65&lon=51.16").Time);

    [Fact]
    public void Parameters_Caravan_does_not_use_are_ignored() =>
        Assert.True(Parse($"id=1&timestamp={TenOClock}&lat=43.65&lon=51.16&hdop=0.9&valid=true&cell=401,1,2,3&driverUniqueId=7").Succeeded);

    [Theory]
    [InlineData("lat=43.65&lon=51.16", "id")]
    [InlineData("id=a/b&lat=43.65&lon=51.16", "id")]
    [InlineData("deviceid=a%20b&lat=43.65&lon=51.16", "deviceid")]
    [InlineData("id=1&lon=51.16", "lat")]
    [InlineData("id=1&lat=91&lon=51.16", "lat")]
    [InlineData("id=1&lat=NaN&lon=51.16", "lat")]
    [InlineData("id=1&lat=43.65&lon=-181", "lon")]
    [InlineData("id=1&lat=0&lon=0", "lat")]
    [InlineData("id=1&location=43.65", "location")]
    [InlineData("id=1&lat=43.65&lon=51.16&timestamp=yesterday", "timestamp")]
    [InlineData("id=1&lat=43.65&lon=51.16&timestamp=32503680000", "timestamp")]
    [InlineData("id=1&lat=43.65&lon=51.16&speed=fast", "speed")]
    [InlineData("id=1&lat=43.65&lon=51.16&speed=700", "speed")]
    [InlineData("id=1&lat=43.65&lon=51.16&bearing=400", "bearing")]
    [InlineData("id=1&lat=43.65&lon=51.16&batt=140", "batt")]
    [InlineData("id=1&lat=43.65&lon=51.16&temp1=Infinity", "temp1")]
    [InlineData("id=1&lat=43.65&lon=51.16&door=ajar", "door")]
    [InlineData("id=1&lat=43.65&lon=51.16&temp=4&temperature=5", "temperature")]
    [InlineData("id=1&lat=43.65&lon=51.16&lat=43.66", "lat")]
    public void A_bad_parameter_is_a_problem_naming_it(string query, string parameter)
    {
        var result = Parse(query);

        Assert.Null(result.Reading);
        Assert.Equal(parameter, Assert.Single(result.Problems).Field);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = Parse("lat=91&lon=51.16&door=ajar&batt=x");

        Assert.Equal(["id", "lat", "batt", "door"], result.Problems.Select(p => p.Field));
    }
}
