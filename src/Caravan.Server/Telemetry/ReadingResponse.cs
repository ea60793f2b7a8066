using Caravan.Core.Telemetry;
using Caravan.Server.Json;

namespace Caravan.Server.Telemetry;

/// <summary>One stored reading of a track, with the field names and units of the ingestion payload (docs/telemetry.md).</summary>
public sealed record ReadingResponse(
    DateTimeOffset Time,
    double Lat,
    double Lon,
    double? Speed,
    double? Heading,
    double? Altitude,
    double? Accuracy,
    double? Temperature,
    double? Humidity,
    double? Shock,
    string? Door,
    double? Battery)
{
    public static ReadingResponse Of(TrackerReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new(
            reading.Time,
            reading.Position.Latitude,
            reading.Position.Longitude,
            reading.SpeedKmh,
            reading.HeadingDegrees,
            reading.AltitudeM,
            reading.AccuracyM,
            reading.TemperatureC,
            reading.HumidityPercent,
            reading.ShockG,
            reading.Door is { } door ? EnumText.Of(door) : null,
            reading.BatteryPercent);
    }
}
