using System.Text;
using Caravan.Core.Geography;
using Caravan.Core.Telemetry;

namespace Caravan.Core.Tests.Telemetry;

public sealed class TelemetryJsonTests
{
    private static readonly DeviceId Device = DeviceId.Parse("trk-0042");
    private static readonly ReadingValidator Validator = new(new FixedClock(FixedClock.Noon));

    private static TelemetryParseResult Parse(string json) => TelemetryJson.Parse(Encoding.UTF8.GetBytes(json), Device, Validator);

    // The example of docs/telemetry.md, word for word.
    private const string DocumentedExample = """
        {"time": "2026-03-01T10:15:00+05:00", "lat": 43.6502, "lon": 51.1605, "speed": 12.5, "heading": 270,
         "accuracy": 8, "temperature": -18.4, "humidity": 61, "shock": 0.3, "door": "closed", "battery": 87}
        """;

    [Fact]
    public void The_documented_example_reads_into_one_reading_with_every_value()
    {
        var result = Parse(DocumentedExample);

        Assert.True(result.Succeeded);
        var reading = Assert.Single(result.Readings);
        Assert.Equal(Device, reading.Device);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 5, 15, 0, TimeSpan.Zero), reading.Time);
        Assert.Equal(new GeoPoint(43.6502, 51.1605), reading.Position);
        Assert.Equal(12.5, reading.SpeedKmh);
        Assert.Equal(270, reading.HeadingDegrees);
        Assert.Equal(8, reading.AccuracyM);
        Assert.Equal(-18.4, reading.TemperatureC);
        Assert.Equal(61, reading.HumidityPercent);
        Assert.Equal(0.3, reading.ShockG);
        Assert.Equal(DoorState.Closed, reading.Door);
        Assert.Equal(87, reading.BatteryPercent);
    }

    [Fact]
    public void A_batch_reads_in_order_and_null_means_not_reported()
    {
        var result = Parse("""
            [{"time": "2026-03-01T10:00:00Z", "lat": 43.65, "lon": 51.16, "door": "open", "temperature": null},
             {"time": "2026-03-01T10:01:00Z", "lat": 43.66, "lon": 51.17}]
            """);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Readings.Count);
        Assert.Equal(DoorState.Open, result.Readings[0].Door);
        Assert.Null(result.Readings[0].TemperatureC);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 1, 0, TimeSpan.Zero), result.Readings[1].Time);
    }

    [Fact]
    public void A_bad_reading_in_a_batch_is_named_by_its_index_and_the_others_are_kept()
    {
        var result = Parse("""
            [{"time": "2026-03-01T10:00:00Z", "lat": 43.65, "lon": 51.16},
             {"time": "2026-03-01T10:01:00Z", "lat": 43.65, "lon": 51.16},
             {"time": "2026-03-01T10:02:00Z", "lat": 43.65, "lon": 51.16},
             {"time": "2026-03-01T10:03:00Z", "lat": 91, "lon": 51.16}]
            """);

        Assert.Equal(3, result.Readings.Count);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("$[3].lat", problem.Field);
    }

    [Theory]
    [InlineData("""{"time": "2026-03-01T10:00:00Z", "lat": 43.65, "lon": 51.16, "colour": "red"}""", "$.colour")]
    [InlineData("""{"time": "2026-03-01T10:00:00Z", "lat": 43.65, "lon": 51.16, "deviceId": "x"}""", "$.deviceId")]
    [InlineData("""{"time": "2026-03-01T10:00:00Z", "lon": 51.16}""", "$.lat")]
    [InlineData("""{"lat": 43.65, "lon": 51.16}""", "$.time")]
    [InlineData("""{"time": "2026-03-01T10:00:00", "lat": 43.65, "lon": 51.16}""", "$.time")]
    [InlineData("""{"time": "2026-03-01", "lat": 43.65, "lon": 51.16}""", "$.time")]
    [InlineData("""{"time": 1772359200, "lat": 43.65, "lon": 51.16}""", "$.time")]
    [InlineData("""{"time": "3000-01-01T00:00:00Z", "lat": 43.65, "lon": 51.16}""", "$.time")]
    [InlineData("""{"time": "2026-03-01T10:00:00Z", "lat": "43.65", "lon": 51.16}""", "$.lat")]
    [InlineData("""{"time": "2026-03-01T10:00:00Z", "lat": 43.65, "lon": 181}""", "$.lon")]
    [InlineData("""{"time": "2026-03-01T10:00:00Z", "lat": 43.65, "lon": 51.16, "door": "ajar"}""", "$.door")]
    [InlineData("""{"time": "2026-03-01T10:00:00Z", "lat": 43.65, "lon": 51.16, "battery": 140}""", "$.battery")]
    [InlineData("""{"time": "2026-03-01T10:00:00Z", "lat": 43.65, "lon": 51.16, "speed": 1e400}""", "$.speed")]
    [InlineData("""{"time": "2026-03-01T10:00:00Z", "lat": 43.65, "lat": 43.65, "lon": 51.16}""", "$.lat")]
    public void A_malformed_reading_is_refused_naming_the_field(string json, string field)
    {
        var result = Parse(json);

        Assert.Empty(result.Readings);
        Assert.Equal(field, Assert.Single(result.Problems).Field);
    }

    [Theory]
    [InlineData("""{"time": "2026-03-01T10:00:00Z", "lat": NaN, "lon": 51.16}""")]
    [InlineData("""{"time": """)]
    [InlineData("""[]""")]
    [InlineData("""42""")]
    [InlineData("""{"time": "2026-03-01T10:00:00Z", "lat": 43.65, "lon": 51.16} {}""")]
    public void A_payload_that_is_not_a_reading_or_a_batch_is_refused_as_a_whole(string json)
    {
        var result = Parse(json);

        Assert.Empty(result.Readings);
        Assert.Equal("$", Assert.Single(result.Problems).Field);
    }

    [Fact]
    public void A_payload_over_the_size_limit_is_refused_before_it_is_read()
    {
        var json = "[" + string.Join(",", Enumerable.Repeat("""{"time": "2026-03-01T10:00:00Z", "lat": 43.65, "lon": 51.16}""", 5000)) + "]";

        var result = Parse(json);

        Assert.Empty(result.Readings);
        Assert.Contains("bytes", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_over_the_count_limit_is_refused()
    {
        var json = "[" + string.Join(",", Enumerable.Repeat("""{"time":"2026-03-01T10:00:00Z","lat":1,"lon":1}""", TelemetryJson.MaxBatchSize + 1)) + "]";

        var result = Parse(json);

        Assert.Empty(result.Readings);
        Assert.Equal("$", Assert.Single(result.Problems).Field);
    }
}
