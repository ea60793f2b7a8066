using System.Text.Json;
using Caravan.Core.Geography;

namespace Caravan.Core.Telemetry;

/// <summary>
/// Reads the JSON payload trackers send over MQTT (<c>caravan/devices/{deviceId}/telemetry</c>) and HTTP
/// (<c>POST /api/telemetry</c>): one reading object or an array of them, as docs/telemetry.md describes. The device id
/// comes from the topic or URL, never the payload. Problems name the JSON path at fault (<c>$[3].lat</c>).
/// </summary>
public static class TelemetryJson
{
    /// <summary>The largest payload accepted, in bytes (256 KiB): a day of one-minute readings fits easily.</summary>
    public const int MaxPayloadBytes = 256 * 1024;

    /// <summary>The most readings accepted in one batch.</summary>
    public const int MaxBatchSize = 1000;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 4 };

    public static TelemetryParseResult Parse(ReadOnlySpan<byte> utf8Json, DeviceId device, ReadingValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        if (device == default)
        {
            throw new ArgumentException("A payload is parsed for a device.", nameof(device));
        }

        if (utf8Json.Length > MaxPayloadBytes)
        {
            return Failure("$", $"The payload is {utf8Json.Length} bytes; at most {MaxPayloadBytes} are accepted.");
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = DocumentOptions.MaxDepth });
            document = JsonDocument.ParseValue(ref reader);
            if (reader.BytesConsumed != utf8Json.Length && !IsWhitespace(utf8Json[(int)reader.BytesConsumed..]))
            {
                document.Dispose();
                return Failure("$", "Unexpected content after the JSON value.");
            }
        }
        catch (JsonException e)
        {
            return Failure("$", $"Not valid JSON: {e.Message}");
        }

        using (document)
        {
            var readings = new List<TrackerReading>();
            var problems = new List<TelemetryProblem>();
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    ReadOne(root, "$", device, validator, readings, problems);
                    break;
                case JsonValueKind.Array:
                    var count = root.GetArrayLength();
                    if (count == 0)
                    {
                        return Failure("$", "The batch is empty.");
                    }

                    if (count > MaxBatchSize)
                    {
                        return Failure("$", $"The batch has {count} readings; at most {MaxBatchSize} are accepted.");
                    }

                    var index = 0;
                    foreach (var element in root.EnumerateArray())
                    {
                        ReadOne(element, $"$[{index++}]", device, validator, readings, problems);
                    }

                    break;
                default:
                    return Failure("$", "Expected a reading object or an array of them.");
            }

            return new(readings, problems);
        }
    }

    private static TelemetryParseResult Failure(string field, string message) => new([], [new(field, message)]);

    private static bool IsWhitespace(ReadOnlySpan<byte> rest) => rest.TrimStart(" \t\r\n"u8).IsEmpty;

    private static void ReadOne(
        JsonElement element, string path, DeviceId device, ReadingValidator validator, List<TrackerReading> readings, List<TelemetryProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(path, "Expected a reading object."));
            return;
        }

        var found = new List<TelemetryProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? time = null;
        double? lat = null, lon = null, speed = null, heading = null, altitude = null, accuracy = null;
        double? temperature = null, humidity = null, shock = null, battery = null;
        DoorState? door = null;

        foreach (var property in element.EnumerateObject())
        {
            var field = $"{path}.{property.Name}";
            if (!seen.Add(property.Name))
            {
                found.Add(new(field, "The field appears more than once."));
                continue;
            }

            var value = property.Value;
            switch (property.Name)
            {
                case "time": time = ReadTime(value, field, found); break;
                case "lat": lat = ReadNumber(value, field, found); break;
                case "lon": lon = ReadNumber(value, field, found); break;
                case "speed": speed = ReadNumber(value, field, found); break;
                case "heading": heading = ReadNumber(value, field, found); break;
                case "altitude": altitude = ReadNumber(value, field, found); break;
                case "accuracy": accuracy = ReadNumber(value, field, found); break;
                case "temperature": temperature = ReadNumber(value, field, found); break;
                case "humidity": humidity = ReadNumber(value, field, found); break;
                case "shock": shock = ReadNumber(value, field, found); break;
                case "battery": battery = ReadNumber(value, field, found); break;
                case "door": door = ReadDoor(value, field, found); break;
                default: found.Add(new(field, "Unknown field.")); break;
            }
        }

        RequirePresent(seen, "time", path, found);
        RequirePresent(seen, "lat", path, found);
        RequirePresent(seen, "lon", path, found);

        if (lat is { } la && la is < -90 or > 90)
        {
            found.Add(new($"{path}.lat", FormattableString.Invariant($"{la} is outside [-90, 90] degrees.")));
        }

        if (lon is { } lo && lo is < -180 or > 180)
        {
            found.Add(new($"{path}.lon", FormattableString.Invariant($"{lo} is outside [-180, 180] degrees.")));
        }

        if (found.Count > 0 || time is null || lat is null || lon is null)
        {
            problems.AddRange(found);
            return;
        }

        var reading = new TrackerReading(device, time.Value, new GeoPoint(lat.Value, lon.Value))
        {
            SpeedKmh = speed,
            HeadingDegrees = heading,
            AltitudeM = altitude,
            AccuracyM = accuracy,
            TemperatureC = temperature,
            HumidityPercent = humidity,
            ShockG = shock,
            Door = door,
            BatteryPercent = battery,
        };
        var validation = validator.Validate(reading);
        if (validation.Reading is { } valid)
        {
            readings.Add(valid);
        }
        else
        {
            problems.AddRange(validation.Problems.Select(p => p with { Field = $"{path}.{p.Field}" }));
        }
    }

    private static void RequirePresent(HashSet<string> seen, string name, string path, List<TelemetryProblem> found)
    {
        if (!seen.Contains(name))
        {
            found.Add(new($"{path}.{name}", "Required."));
        }
    }

    private static double? ReadNumber(JsonElement value, string field, List<TelemetryProblem> found)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number):
                return number;
            default:
                found.Add(new(field, "Expected a finite number."));
                return null;
        }
    }

    private static DateTimeOffset? ReadTime(JsonElement value, string field, List<TelemetryProblem> found)
    {
        if (value.ValueKind == JsonValueKind.String && TelemetryTime.TryParseIsoWithOffset(value.GetString()!, out var time))
        {
            return time;
        }

        found.Add(new(field, "Expected an ISO 8601 date and time with an offset, e.g. \"2026-03-01T10:15:00Z\"."));
        return null;
    }

    private static DoorState? ReadDoor(JsonElement value, string field, List<TelemetryProblem> found)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String when value.ValueEquals("open"):
                return DoorState.Open;
            case JsonValueKind.String when value.ValueEquals("closed"):
                return DoorState.Closed;
            default:
                found.Add(new(field, "Expected \"open\" or \"closed\"."));
                return null;
        }
    }
}
