using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;

namespace Caravan.Storage.Sqlite;

/// <summary>Progress state in SQLite (migration 0007), one row per (device, shipment), replaced on every save.</summary>
public sealed class SqliteProgressStore : IProgressStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;

    public SqliteProgressStore(SqliteDatabase database, SqliteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(writer);
        _database = database;
        _writer = writer;
    }

    public async Task<string?> FindAsync(DeviceId device, ShipmentId shipment, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            "SELECT state FROM progress WHERE device_id = $device AND shipment_id = $shipment",
            ("$device", device.Value),
            ("$shipment", shipment.Value));
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task<string?> LatestAsync(ShipmentId shipment, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            "SELECT state FROM progress WHERE shipment_id = $shipment ORDER BY updated_at DESC, device_id LIMIT 1",
            ("$shipment", shipment.Value));
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public Task SaveAsync(DeviceId device, ShipmentId shipment, string stateJson, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateJson);
        return _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var upsert = connection.Command(
                    transaction,
                    """
                    INSERT INTO progress (device_id, shipment_id, state, updated_at) VALUES ($device, $shipment, $state, $at)
                    ON CONFLICT (device_id, shipment_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
                    """,
                    ("$device", device.Value),
                    ("$shipment", shipment.Value),
                    ("$state", stateJson),
                    ("$at", Sql.Time(updatedAt)));
                return upsert.ExecuteNonQuery();
            },
            cancellationToken);
    }
}
