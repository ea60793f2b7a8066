using System.Globalization;
using Caravan.Core.Geography;

namespace Caravan.Core.Telemetry;

/// <summary>
/// Reads one position in the Traccar OsmAnd protocol (standards.md §6.1): the query string or form body that
/// Traccar Client, OsmAnd and many trackers send, so they work with Caravan unchanged. Speed arrives in knots and
/// is stored in km/h. Problems name the query parameter at fault (<c>lat</c>, <c>timestamp</c>).
/// </summary>
public static class OsmAndQuery
{
    /// <summary>Kilometres per hour in one knot (one international nautical mile, 1,852 m, per hour).</summary>
    public const double KmhPerKnot = 1.852;

    // Parameter name → the field it fills. Aliases share a field; giving two of them is a problem, not a guess.
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["id"] = "id",
        ["deviceid"] = "id",
        ["lat"] = "lat",
        ["lon"] = "lon",
        ["location"] = "location",
        ["timestamp"] = "time",
        ["speed"] = "speed",
        ["bearing"] = "heading",
        ["heading"] = "heading",
        ["altitude"] = "altitude",
        ["accuracy"] = "accuracy",
        ["batt"] = "battery",
        ["temp"] = "temperature",
        ["temp1"] = "temperature",
        ["temperature"] = "temperature",
        ["humidity"] = "humidity",
        ["shock"] = "shock",
        ["door"] = "door",
    };

    public static ReadingValidation Parse(IEnumerable<KeyValuePair<string, string>> parameters, ReadingValidator validator)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(validator);

        var problems = new List<TelemetryProblem>();
        var given = new Dictionary<string, (string Name, string Value)>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            // Anything else (hdop, valid, cell, wifi, driverUniqueId, ...) Traccar keeps as an attribute; Caravan has no use for it.
            if (!Fields.TryGetValue(name, out var field))
            {
                continue;
            }

            if (given.TryGetValue(field, out var earlier))
            {
                problems.Add(new(name, earlier.Name == name ? "Given more than once." : $"Given together with '{earlier.Name}', which means the same."));
                continue;
            }

            given[field] = (name, value);
        }

        DeviceId device = default;
        if (!given.TryGetValue("id", out var id))
        {
            problems.Add(new("id", "Required: the device id (id or deviceid)."));
        }
        else if (!DeviceId.TryParse(id.Value, out device))
        {
            problems.Add(new(id.Name, $"Not a device id (1–{DeviceId.MaxLength} characters of A–Z, a–z, 0–9, '-', '_', '.')."));
        }

        var position = ReadPosition(given, problems);
        var time = validator.Clock.GetUtcNow();
        if (given.TryGetValue("time", out var timestamp) && !TryParseTimestamp(timestamp.Value, out time))
        {
            problems.Add(new(timestamp.Name, "Expected Unix seconds (or milliseconds), ISO 8601, or yyyy-MM-dd HH:mm:ss."));
        }

        var speedKnots = Number(given, "speed", problems);
        var reading = problems.Count > 0 || position is null
            ? null
            : new TrackerReading(device, time, position.Value)
            {
                SpeedKmh = speedKnots * KmhPerKnot,
                HeadingDegrees = Number(given, "heading", problems),
                AltitudeM = Number(given, "altitude", problems),
                AccuracyM = Number(given, "accuracy", problems),
                BatteryPercent = Number(given, "battery", problems),
                TemperatureC = Number(given, "temperature", problems),
                HumidityPercent = Number(given, "humidity", problems),
                ShockG = Number(given, "shock", problems),
                Door = Door(given, problems),
            };

        if (reading is null || problems.Count > 0)
        {
            // Read the remaining values anyway when the position failed, so every problem is reported at once.
            if (reading is null)
            {
                foreach (var field in (string[])["heading", "altitude", "accuracy", "battery", "temperature", "humidity", "shock"])
                {
                    Number(given, field, problems);
                }

                Door(given, problems);
            }

            return new(null, problems);
        }

        var validation = validator.Validate(reading);
        return validation.Succeeded
            ? validation
            : new(null, [.. validation.Problems.Select(p => p with { Field = given.TryGetValue(p.Field, out var g) ? g.Name : p.Field })]);
    }

    private static GeoPoint? ReadPosition(Dictionary<string, (string Name, string Value)> given, List<TelemetryProblem> problems)
    {
        double? lat, lon;
        string latName = "lat", lonName = "lon";
        if (!given.ContainsKey("lat") && !given.ContainsKey("lon") && given.TryGetValue("location", out var location))
        {
            var parts = location.Value.Split(',');
            if (parts.Length != 2 || !TryNumber(parts[0], out var la) || !TryNumber(parts[1], out var lo))
            {
                problems.Add(new("location", "Expected 'lat,lon' in decimal degrees."));
                return null;
            }

            (lat, lon, latName, lonName) = (la, lo, "location", "location");
        }
        else
        {
            lat = Number(given, "lat", problems);
            lon = Number(given, "lon", problems);
            if (lat is null && !given.ContainsKey("lat"))
            {
                problems.Add(new("lat", "Required (or location=lat,lon)."));
            }

            if (lon is null && !given.ContainsKey("lon"))
            {
                problems.Add(new("lon", "Required (or location=lat,lon)."));
            }
        }

        if (lat is not { } latitude || lon is not { } longitude)
        {
            return null;
        }

        if (latitude is < -90 or > 90)
        {
            problems.Add(new(latName, FormattableString.Invariant($"{latitude} is outside [-90, 90] degrees.")));
            return null;
        }

        if (longitude is < -180 or > 180)
        {
            problems.Add(new(lonName, FormattableString.Invariant($"{longitude} is outside [-180, 180] degrees.")));
            return null;
        }

        // Traccar reads 0,0 as "no fix, reuse the last position"; Caravan stores only observed positions.
        if (latitude == 0 && longitude == 0)
        {
            problems.Add(new(latName, "0,0 means the device has no position fix."));
            return null;
        }

        return new GeoPoint(latitude, longitude);
    }

    private static double? Number(Dictionary<string, (string Name, string Value)> given, string field, List<TelemetryProblem> problems)
    {
        if (!given.TryGetValue(field, out var parameter))
        {
            return null;
        }

        if (TryNumber(parameter.Value, out var number))
        {
            return number;
        }

        problems.Add(new(parameter.Name, "Expected a finite decimal number."));
        return null;
    }

    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    private static DoorState? Door(Dictionary<string, (string Name, string Value)> given, List<TelemetryProblem> problems)
    {
        if (!given.TryGetValue("door", out var parameter))
        {
            return null;
        }

        switch (parameter.Value.ToLowerInvariant())
        {
            case "true" or "1" or "open":
                return DoorState.Open;
            case "false" or "0" or "closed":
                return DoorState.Closed;
            default:
                problems.Add(new(parameter.Name, "Expected true/false, 1/0 or open/closed."));
                return null;
        }
    }

    private static bool TryParseTimestamp(string text, out DateTimeOffset time)
    {
        time = default;
        if (text.Contains('T', StringComparison.Ordinal))
        {
            // Traccar Client sends an offset; a bare local time is taken as UTC, as a Traccar server on UTC would.
            return TelemetryTime.TryParseIsoWithOffset(text, out time)
                || TryExact(text, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"], out time);
        }

        if (text.Contains(' ', StringComparison.Ordinal))
        {
            return TryExact(text, ["yyyy-MM-dd HH:mm:ss"], out time);
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            return false;
        }

        // standards.md §6.1: seconds up to 2^31 − 1 (2038-01-19), milliseconds above.
        try
        {
            time = unix > int.MaxValue ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool TryExact(string text, string[] formats, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
