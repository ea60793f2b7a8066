using Caravan.Core.Geography;

namespace Caravan.Core.Telemetry;

/// <summary>
/// One observation from a container tracker: where and when (UTC), and whatever the device measured.
/// Optional values are null when the device did not report them; ranges are checked by ReadingValidator.
/// </summary>
public sealed record TrackerReading
{
    private readonly DateTimeOffset _time;

    public TrackerReading(DeviceId device, DateTimeOffset time, GeoPoint position)
    {
        if (device == default)
        {
            throw new ArgumentException("A reading needs a device id.", nameof(device));
        }

        Device = device;
        Time = time;
        Position = position;
    }

    /// <summary>The tracker that made the reading.</summary>
    public DeviceId Device { get; init; }

    /// <summary>When the device observed the position (the fix time), normalised to UTC (offset zero).</summary>
    public DateTimeOffset Time
    {
        get => _time;
        init => _time = value.ToUniversalTime();
    }

    /// <summary>The WGS84 position in decimal degrees.</summary>
    public GeoPoint Position { get; init; }

    /// <summary>Ground speed in km/h.</summary>
    public double? SpeedKmh { get; init; }

    /// <summary>Course over ground in degrees clockwise from true north, 0–360.</summary>
    public double? HeadingDegrees { get; init; }

    /// <summary>Altitude above mean sea level in metres.</summary>
    public double? AltitudeM { get; init; }

    /// <summary>Horizontal accuracy of the position (radius) in metres.</summary>
    public double? AccuracyM { get; init; }

    /// <summary>Temperature in degrees Celsius (cargo or container interior).</summary>
    public double? TemperatureC { get; init; }

    /// <summary>Relative humidity in percent, 0–100.</summary>
    public double? HumidityPercent { get; init; }

    /// <summary>Peak acceleration (shock) since the previous reading in g (9.80665 m/s²).</summary>
    public double? ShockG { get; init; }

    /// <summary>Whether the container door was open or closed.</summary>
    public DoorState? Door { get; init; }

    /// <summary>Battery charge in percent, 0–100.</summary>
    public double? BatteryPercent { get; init; }
}
