using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>Retention policies and marks in SQLite (migration 0009), and the retention worker's reads and deletes of readings.</summary>
public sealed class SqliteRetentionStore : IRetentionStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;

    public SqliteRetentionStore(SqliteDatabase database, SqliteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(writer);
        _database = database;
        _writer = writer;
    }

    public async Task<RetentionPolicy?> FindAsync(PartyId party, CancellationToken cancellationToken)
    {
        var all = await SelectAsync("WHERE party_id = $party", party.Value, cancellationToken).ConfigureAwait(false);
        return all.TryGetValue(party, out var policy) ? policy : null;
    }

    public Task<IReadOnlyDictionary<PartyId, RetentionPolicy>> ListAsync(CancellationToken cancellationToken) =>
        SelectAsync(string.Empty, null, cancellationToken);

    public Task SetAsync(PartyId party, RetentionPolicy? policy, DateTimeOffset updatedAt, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var command = policy is null
                    ? connection.Command(transaction, "DELETE FROM retention_policies WHERE party_id = $party", ("$party", party.Value))
                    : connection.Command(
                        transaction,
                        """
                        INSERT INTO retention_policies (party_id, full_rate_days, downsample_minutes, delete_after_days, updated_at)
                        VALUES ($party, $full, $minutes, $delete, $at)
                        ON CONFLICT (party_id) DO UPDATE SET full_rate_days = excluded.full_rate_days,
                            downsample_minutes = excluded.downsample_minutes, delete_after_days = excluded.delete_after_days, updated_at = excluded.updated_at
                        """,
                        ("$party", party.Value),
                        ("$full", policy.FullRateDays),
                        ("$minutes", policy.DownsampleMinutes),
                        ("$delete", policy.DeleteAfterDays),
                        ("$at", Sql.Time(updatedAt)));
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    public async Task<DateTimeOffset?> MarkAsync(DeviceId device, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(null, "SELECT downsampled_before FROM retention_marks WHERE device_id = $device", ("$device", device.Value));
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string text ? Sql.ReadTime(text) : null;
    }

    public async Task<RetentionChunk> ReadAsync(DeviceId device, DateTimeOffset? from, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var start = from is { } f ? Sql.Time(f) : string.Empty;
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        TrackerReading? previous = null;
        await using (var last = connection.Command(
            null,
            $"SELECT {SqliteReadingStore.Columns} FROM readings WHERE device_id = $device AND time < $from ORDER BY device_id DESC, time DESC LIMIT 1",
            ("$device", device.Value),
            ("$from", start)))
        await using (var reader = await last.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                previous = SqliteReadingStore.Read(reader);
            }
        }

        await using var select = connection.Command(
            null,
            $"SELECT {SqliteReadingStore.Columns} FROM readings WHERE device_id = $device AND time >= $from AND time < $before ORDER BY device_id, time LIMIT $limit",
            ("$device", device.Value),
            ("$from", start),
            ("$before", Sql.Time(before)),
            ("$limit", limit));
        await using var rows = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var readings = new List<TrackerReading>();
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            readings.Add(SqliteReadingStore.Read(rows));
        }

        return new RetentionChunk(previous, readings);
    }

    public Task<int> DownsampleAsync(DeviceId device, IReadOnlyList<DateTimeOffset> times, DateTimeOffset mark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(times);
        return _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var delete = connection.Command(transaction, "DELETE FROM readings WHERE device_id = $device AND time = $time");
                var deviceParameter = delete.Parameters.Add("$device", SqliteType.Text);
                var timeParameter = delete.Parameters.Add("$time", SqliteType.Text);
                deviceParameter.Value = device.Value;
                delete.Prepare();
                var deleted = 0;
                foreach (var time in times)
                {
                    timeParameter.Value = Sql.Time(time);
                    deleted += delete.ExecuteNonQuery();
                }

                using var upsert = connection.Command(
                    transaction,
                    """
                    INSERT INTO retention_marks (device_id, downsampled_before) VALUES ($device, $mark)
                    ON CONFLICT (device_id) DO UPDATE SET downsampled_before = max(downsampled_before, excluded.downsampled_before)
                    """,
                    ("$device", device.Value),
                    ("$mark", Sql.Time(mark)));
                upsert.ExecuteNonQuery();
                return deleted;
            },
            cancellationToken);
    }

    public Task<int> ExpireAsync(DeviceId device, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var delete = connection.Command(
                    transaction,
                    """
                    DELETE FROM readings WHERE device_id = $device AND time IN
                        (SELECT time FROM readings WHERE device_id = $device AND time < $before ORDER BY device_id, time LIMIT $limit)
                    """,
                    ("$device", device.Value),
                    ("$before", Sql.Time(before)),
                    ("$limit", limit));
                return delete.ExecuteNonQuery();
            },
            cancellationToken);
    }

    private async Task<IReadOnlyDictionary<PartyId, RetentionPolicy>> SelectAsync(string where, string? party, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            $"SELECT party_id, full_rate_days, downsample_minutes, delete_after_days FROM retention_policies {where} ORDER BY party_id",
            ("$party", party));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var policies = new Dictionary<PartyId, RetentionPolicy>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            policies[PartyId.Parse(reader.GetString(0))] = RetentionPolicy.Create(
                reader.GetInt32(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3));
        }

        return policies;
    }
}
