using System.Text;
using Caravan.Core.Alerts;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>Alerts and silence timeouts in SQLite; each alert change queues its webhook deliveries in the same writer turn.</summary>
public sealed class SqliteAlertStore : IAlertStore
{
    private const string Columns = "id, shipment_id, kind, subject, opened_at, detail, acknowledged_at, acknowledged_by, resolved_at, resolve_detail";

    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;

    public SqliteAlertStore(SqliteDatabase database, SqliteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(writer);
        _database = database;
        _writer = writer;
    }

    public Task<StoredAlert?> OpenAsync(AlertToOpen alert, AlertPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(payload);
        return _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var insert = connection.Command(
                    transaction,
                    $"""
                    INSERT INTO alerts (shipment_id, kind, subject, opened_at, detail) VALUES ($shipment, $kind, $subject, $at, $detail)
                    ON CONFLICT (shipment_id, kind, subject) WHERE resolved_at IS NULL DO NOTHING
                    RETURNING {Columns}
                    """,
                    ("$shipment", alert.Shipment.Value),
                    ("$kind", alert.Kind.ToString()),
                    ("$subject", alert.Subject),
                    ("$at", Sql.Time(alert.OpenedAt)),
                    ("$detail", alert.Detail));
                var opened = ReadOne(insert);
                return opened is null ? null : Notify(connection, transaction, opened, "alert.opened", payload, alert.OpenedAt);
            },
            cancellationToken);
    }

    public Task<StoredAlert?> ResolveAsync(
        ShipmentId shipment, AlertKind kind, string subject, DateTimeOffset at, string detail, AlertPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(payload);
        return _writer.WriteAsync(
            (connection, transaction) =>
            {
                // A resolution never predates the opening: a late reading may date the clearing before it.
                using var update = connection.Command(
                    transaction,
                    $"""
                    UPDATE alerts SET resolved_at = max($at, opened_at), resolve_detail = $detail
                    WHERE shipment_id = $shipment AND kind = $kind AND subject = $subject AND resolved_at IS NULL
                    RETURNING {Columns}
                    """,
                    ("$shipment", shipment.Value),
                    ("$kind", kind.ToString()),
                    ("$subject", subject),
                    ("$at", Sql.Time(at)),
                    ("$detail", detail));
                var resolved = ReadOne(update);
                return resolved is null ? null : Notify(connection, transaction, resolved, "alert.resolved", payload, at);
            },
            cancellationToken);
    }

    public Task<(AcknowledgeOutcome Outcome, StoredAlert? Alert)> AcknowledgeAsync(
        long id, PartyId by, DateTimeOffset at, AlertPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var update = connection.Command(
                    transaction,
                    $"UPDATE alerts SET acknowledged_at = $at, acknowledged_by = $by WHERE id = $id AND acknowledged_at IS NULL RETURNING {Columns}",
                    ("$id", id),
                    ("$by", by.Value),
                    ("$at", Sql.Time(at)));
                if (ReadOne(update) is { } acknowledged)
                {
                    return (AcknowledgeOutcome.Acknowledged, Notify(connection, transaction, acknowledged, "alert.acknowledged", payload, at));
                }

                using var select = connection.Command(transaction, $"SELECT {Columns} FROM alerts WHERE id = $id", ("$id", id));
                return ReadOne(select) is { } existing
                    ? (AcknowledgeOutcome.AlreadyAcknowledged, existing)
                    : (AcknowledgeOutcome.NotFound, (StoredAlert?)null);
            },
            cancellationToken);
    }

    public async Task<StoredAlert?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var list = await SelectAsync("WHERE id = $id", 1, cancellationToken, ("$id", id)).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    public Task<IReadOnlyList<StoredAlert>> ListAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder("WHERE shipment_id IN (SELECT shipment_id FROM shipment_parties WHERE party_id = $party)");
        var parameters = new List<(string, object?)> { ("$party", query.Party.Value) };
        switch (query.State)
        {
            case AlertState.Open:
                where.Append(" AND resolved_at IS NULL AND acknowledged_at IS NULL");
                break;
            case AlertState.Acknowledged:
                where.Append(" AND resolved_at IS NULL AND acknowledged_at IS NOT NULL");
                break;
            case AlertState.Resolved:
                where.Append(" AND resolved_at IS NOT NULL");
                break;
        }

        if (query.Shipment is { } shipment)
        {
            where.Append(" AND shipment_id = $shipment");
            parameters.Add(("$shipment", shipment.Value));
        }

        if (query.Kind is { } kind)
        {
            where.Append(" AND kind = $kind");
            parameters.Add(("$kind", kind.ToString()));
        }

        if (query.Before is { } before)
        {
            where.Append(" AND id < $before");
            parameters.Add(("$before", before));
        }

        return SelectAsync(where.ToString(), query.Limit, cancellationToken, [.. parameters]);
    }

    public async Task<IReadOnlyDictionary<ShipmentId, UnresolvedAlertCounts>> CountUnresolvedAsync(PartyId party, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            """
            SELECT shipment_id, SUM(acknowledged_at IS NULL), SUM(acknowledged_at IS NOT NULL) FROM alerts
            WHERE resolved_at IS NULL AND shipment_id IN (SELECT shipment_id FROM shipment_parties WHERE party_id = $party)
            GROUP BY shipment_id
            """,
            ("$party", party.Value));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<ShipmentId, UnresolvedAlertCounts>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[ShipmentId.Parse(reader.GetString(0))] = new UnresolvedAlertCounts(reader.GetInt32(1), reader.GetInt32(2));
        }

        return counts;
    }

    public Task<IReadOnlyList<StoredAlert>> ListUnresolvedAsync(CancellationToken cancellationToken) =>
        SelectAsync("WHERE resolved_at IS NULL", int.MaxValue, cancellationToken);

    public Task SetSilenceTimeoutAsync(DeviceId device, TimeSpan? timeout, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var command = timeout is { } t
                    ? connection.Command(
                        transaction,
                        "INSERT INTO device_silence_timeouts (device_id, timeout_seconds) VALUES ($device, $seconds) ON CONFLICT (device_id) DO UPDATE SET timeout_seconds = excluded.timeout_seconds",
                        ("$device", device.Value),
                        ("$seconds", (long)Math.Ceiling(t.TotalSeconds)))
                    : connection.Command(transaction, "DELETE FROM device_silence_timeouts WHERE device_id = $device", ("$device", device.Value));
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    public async Task<TimeSpan?> FindSilenceTimeoutAsync(DeviceId device, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(null, "SELECT timeout_seconds FROM device_silence_timeouts WHERE device_id = $device", ("$device", device.Value));
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long seconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    public async Task<IReadOnlyList<WatchedDevice>> ListWatchedDevicesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            """
            SELECT b.device_id, b.shipment_id, b.container_number, b.from_at, t.timeout_seconds,
                   (SELECT max(r.time) FROM readings r WHERE r.device_id = b.device_id)
            FROM device_bindings b LEFT JOIN device_silence_timeouts t ON t.device_id = b.device_id
            WHERE b.to_at IS NULL ORDER BY b.device_id
            """);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<WatchedDevice>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new WatchedDevice(
                new DeviceBinding(
                    DeviceId.Parse(reader.GetString(0)), ShipmentId.Parse(reader.GetString(1)), ContainerNumber.Parse(reader.GetString(2)), Sql.ReadTime(reader.GetString(3)), null),
                reader.IsDBNull(4) ? null : TimeSpan.FromSeconds(reader.GetInt64(4)),
                SqliteWebhookStore.TimeOrNull(reader, 5)));
        }

        return list;
    }

    private static StoredAlert Notify(SqliteConnection connection, SqliteTransaction transaction, StoredAlert alert, string eventName, AlertPayload payload, DateTimeOffset now)
    {
        SqliteWebhookStore.Enqueue(connection, transaction, alert.Shipment, eventName, payload(alert, eventName), now);
        return alert;
    }

    private async Task<IReadOnlyList<StoredAlert>> SelectAsync(string where, int limit, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(null, $"SELECT {Columns} FROM alerts {where} ORDER BY id DESC LIMIT $limit", [.. parameters, ("$limit", limit)]);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<StoredAlert>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    private static StoredAlert? ReadOne(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static StoredAlert Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        ShipmentId.Parse(reader.GetString(1)),
        Enum.Parse<AlertKind>(reader.GetString(2)),
        reader.GetString(3),
        Sql.ReadTime(reader.GetString(4)),
        reader.GetString(5),
        SqliteWebhookStore.TimeOrNull(reader, 6),
        reader.IsDBNull(7) ? null : PartyId.Parse(reader.GetString(7)),
        SqliteWebhookStore.TimeOrNull(reader, 8),
        reader.IsDBNull(9) ? null : reader.GetString(9));
}
