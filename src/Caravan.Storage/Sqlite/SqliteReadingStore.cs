using Caravan.Core.Geography;
using Caravan.Core.Telemetry;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>
/// Readings in SQLite, keyed by (device, time) so a repeated reading is ignored by <c>INSERT OR IGNORE</c> and a
/// device's track is a range scan of the primary key.
/// </summary>
public sealed class SqliteReadingStore : IReadingStore
{
    internal const string Columns =
        "device_id, time, lat, lon, speed_kmh, heading_deg, altitude_m, accuracy_m, temperature_c, humidity_percent, shock_g, door, battery_percent";

    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;

    public SqliteReadingStore(SqliteDatabase database, SqliteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(writer);
        _database = database;
        _writer = writer;
    }

    public async Task<ReadingAppendResult> AppendAsync(IReadOnlyList<TrackerReading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return new ReadingAppendResult(0, 0);
        }

        var results = await AppendEachAsync([readings], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    public async Task<IReadOnlyList<ReadingAppendResult>> AppendEachAsync(IReadOnlyList<IReadOnlyList<TrackerReading>> submissions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        if (submissions.All(s => s.Count == 0))
        {
            return [.. submissions.Select(_ => new ReadingAppendResult(0, 0))];
        }

        return await _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var insert = connection.Command(
                    transaction,
                    $"INSERT OR IGNORE INTO readings ({Columns}) VALUES ($device, $time, $lat, $lon, $speed, $heading, $altitude, $accuracy, $temperature, $humidity, $shock, $door, $battery)");
                var parameters = new[] { "$device", "$time", "$lat", "$lon", "$speed", "$heading", "$altitude", "$accuracy", "$temperature", "$humidity", "$shock", "$door", "$battery" }
                    .Select(name => insert.Parameters.Add(name, SqliteType.Text))
                    .ToArray();
                insert.Prepare();
                var results = new ReadingAppendResult[submissions.Count];
                for (var s = 0; s < submissions.Count; s++)
                {
                    var stored = 0;
                    foreach (var reading in submissions[s])
                    {
                        Bind(parameters, reading);
                        stored += insert.ExecuteNonQuery();
                    }

                    results[s] = new ReadingAppendResult(stored, submissions[s].Count - stored);
                }

                return (IReadOnlyList<ReadingAppendResult>)results;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TrackerReading>> TrackAsync(
        DeviceId device, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            $"SELECT {Columns} FROM readings WHERE device_id = $device AND time >= $from AND time < $to ORDER BY device_id, time LIMIT $limit",
            ("$device", device.Value),
            ("$from", from is { } f ? Sql.Time(f) : string.Empty),
            ("$to", to is { } t ? Sql.Time(t) : "~"),
            ("$limit", limit));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var track = new List<TrackerReading>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            track.Add(Read(reader));
        }

        return track;
    }

    public async Task<TrackerReading?> LatestAsync(DeviceId device, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            $"SELECT {Columns} FROM readings WHERE device_id = $device AND time >= $from AND time < $to ORDER BY device_id DESC, time DESC LIMIT 1",
            ("$device", device.Value),
            ("$from", from is { } f ? Sql.Time(f) : string.Empty),
            ("$to", to is { } t ? Sql.Time(t) : "~"));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    private static void Bind(SqliteParameter[] parameters, TrackerReading reading)
    {
        object?[] values =
        [
            reading.Device.Value,
            Sql.Time(reading.Time),
            reading.Position.Latitude,
            reading.Position.Longitude,
            reading.SpeedKmh,
            reading.HeadingDegrees,
            reading.AltitudeM,
            reading.AccuracyM,
            reading.TemperatureC,
            reading.HumidityPercent,
            reading.ShockG,
            reading.Door switch { DoorState.Open => "open", DoorState.Closed => "closed", _ => null },
            reading.BatteryPercent,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].SqliteType = values[i] is double ? SqliteType.Real : SqliteType.Text;
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    internal static TrackerReading Read(SqliteDataReader reader) =>
        new(DeviceId.Parse(reader.GetString(0)), Sql.ReadTime(reader.GetString(1)), new GeoPoint(reader.GetDouble(2), reader.GetDouble(3)))
        {
            SpeedKmh = Number(reader, 4),
            HeadingDegrees = Number(reader, 5),
            AltitudeM = Number(reader, 6),
            AccuracyM = Number(reader, 7),
            TemperatureC = Number(reader, 8),
            HumidityPercent = Number(reader, 9),
            ShockG = Number(reader, 10),
            Door = reader.IsDBNull(11) ? null : reader.GetString(11) == "open" ? DoorState.Open : DoorState.Closed,
            BatteryPercent = Number(reader, 12),
        };

    private static double? Number(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
