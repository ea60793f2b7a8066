using System.Globalization;
using System.Text.Json;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>Devices and their bindings in SQLite; a device's token is kept as its SHA-256 (<see cref="AccessTokens"/>).</summary>
public sealed class SqliteDeviceStore : IDeviceStore
{
    private const string Columns = "id, owner_id, kind, label, created_at";
    private const string BindingColumns = "device_id, shipment_id, container_number, from_at, to_at";

    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;

    public SqliteDeviceStore(SqliteDatabase database, SqliteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(writer);
        _database = database;
        _writer = writer;
    }

    public async Task<IssuedDevice?> RegisterAsync(DeviceId id, PartyId owner, DeviceKind kind, string? label, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var token = AccessTokens.Generate();
        var info = new DeviceInfo(id, owner, kind, label, createdAt);
        var inserted = await _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var insert = connection.Command(
                    transaction,
                    $"INSERT INTO devices (token_hash, {Columns}) VALUES ($hash, $id, $owner, $kind, $label, $at) ON CONFLICT (id) DO NOTHING",
                    ("$hash", AccessTokens.Hash(token)),
                    ("$id", id.Value),
                    ("$owner", owner.Value),
                    ("$kind", DeviceKinds.Text(kind)),
                    ("$label", label),
                    ("$at", Sql.Time(createdAt)));
                return insert.ExecuteNonQuery() == 1;
            },
            cancellationToken).ConfigureAwait(false);
        return inserted ? new IssuedDevice(info, token) : null;
    }

    public Task<DeviceBatchRegistration> RegisterAllAsync(PartyId owner, IReadOnlyList<DeviceToRegister> devices, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);

        // Tokens are drawn and hashed before the writer's turn: its one thread only inserts.
        var issued = devices.Select(d => new IssuedDevice(new DeviceInfo(d.Id, owner, d.Kind, d.Label, createdAt), AccessTokens.Generate())).ToArray();
        var hashes = issued.Select(d => AccessTokens.Hash(d.Token)).ToArray();
        return _writer.WriteAsync(
            (connection, transaction) =>
            {
                var taken = new List<DeviceId>();
                var seen = new HashSet<DeviceId>();
                using var exists = connection.Command(transaction, "SELECT EXISTS (SELECT 1 FROM devices WHERE id = $id)");
                var id = exists.Parameters.Add("$id", SqliteType.Text);
                exists.Prepare();
                foreach (var device in devices)
                {
                    id.Value = device.Id.Value;
                    if (!seen.Add(device.Id) || Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 1)
                    {
                        taken.Add(device.Id);
                    }
                }

                if (taken.Count > 0)
                {
                    return new DeviceBatchRegistration([], taken);
                }

                using var insert = connection.Command(
                    transaction, $"INSERT INTO devices (token_hash, {Columns}) VALUES ($hash, $id, $owner, $kind, $label, $at)");
                var parameters = new[] { "$hash", "$id", "$owner", "$kind", "$label", "$at" }.Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
                parameters[0].SqliteType = SqliteType.Blob;
                insert.Prepare();
                for (var i = 0; i < issued.Length; i++)
                {
                    var info = issued[i].Info;
                    parameters[0].Value = hashes[i];
                    parameters[1].Value = info.Id.Value;
                    parameters[2].Value = owner.Value;
                    parameters[3].Value = DeviceKinds.Text(info.Kind);
                    parameters[4].Value = (object?)info.Label ?? DBNull.Value;
                    parameters[5].Value = Sql.Time(createdAt);
                    insert.ExecuteNonQuery();
                }

                return new DeviceBatchRegistration(issued, []);
            },
            cancellationToken);
    }

    public Task<DeviceInfo?> FindAsync(DeviceId id, CancellationToken cancellationToken) =>
        FindOneAsync("id = $key", id.Value, cancellationToken);

    public Task<DeviceInfo?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return FindOneAsync("token_hash = $key", AccessTokens.Hash(token), cancellationToken);
    }

    public async Task<IReadOnlyList<DeviceInfo>> ListAsync(PartyId owner, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(null, $"SELECT {Columns} FROM devices WHERE owner_id = $owner ORDER BY id", ("$owner", owner.Value));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var devices = new List<DeviceInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            devices.Add(Read(reader));
        }

        return devices;
    }

    public Task<BindOutcome> OpenBindingAsync(DeviceBinding binding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var open = connection.Command(
                    transaction,
                    "SELECT EXISTS (SELECT 1 FROM device_bindings WHERE device_id = $device AND to_at IS NULL)",
                    ("$device", binding.Device.Value));
                if (Convert.ToInt64(open.ExecuteScalar(), CultureInfo.InvariantCulture) == 1)
                {
                    return BindOutcome.AlreadyBound;
                }

                using var later = connection.Command(
                    transaction,
                    "SELECT EXISTS (SELECT 1 FROM device_bindings WHERE device_id = $device AND to_at > $from)",
                    ("$device", binding.Device.Value),
                    ("$from", Sql.Time(binding.From)));
                if (Convert.ToInt64(later.ExecuteScalar(), CultureInfo.InvariantCulture) == 1)
                {
                    return BindOutcome.OverlapsEarlier;
                }

                using var insert = connection.Command(
                    transaction,
                    $"INSERT INTO device_bindings ({BindingColumns}) VALUES ($device, $shipment, $container, $from, NULL)",
                    ("$device", binding.Device.Value),
                    ("$shipment", binding.Shipment.Value),
                    ("$container", binding.Container.Value),
                    ("$from", Sql.Time(binding.From)));
                insert.ExecuteNonQuery();
                return BindOutcome.Bound;
            },
            cancellationToken);
    }

    public Task<DeviceBinding?> CloseBindingAsync(DeviceId device, DateTimeOffset to, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var update = connection.Command(
                    transaction,
                    $"UPDATE device_bindings SET to_at = $to WHERE device_id = $device AND to_at IS NULL AND from_at <= $to RETURNING {BindingColumns}",
                    ("$device", device.Value),
                    ("$to", Sql.Time(to)));
                using var reader = update.ExecuteReader();
                return reader.Read() ? ReadBinding(reader) : null;
            },
            cancellationToken);

    public Task<IReadOnlyList<DeviceBinding>> ListBindingsAsync(DeviceId device, CancellationToken cancellationToken) =>
        SelectBindingsAsync("device_id", device.Value, cancellationToken);

    public Task<IReadOnlyList<DeviceBinding>> ListShipmentBindingsAsync(ShipmentId shipment, CancellationToken cancellationToken) =>
        SelectBindingsAsync("shipment_id", shipment.Value, cancellationToken);

    public async Task<IReadOnlyDictionary<DeviceId, IReadOnlyList<DeviceBinding>>> ListBindingsAsync(IReadOnlyCollection<DeviceId> devices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var bindings = new Dictionary<DeviceId, IReadOnlyList<DeviceBinding>>();
        if (devices.Count == 0)
        {
            return bindings;
        }

        // The ids travel as one JSON array: one statement, prepared once, whatever the number of devices.
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            $"SELECT {BindingColumns} FROM device_bindings WHERE device_id IN (SELECT value FROM json_each($devices)) ORDER BY device_id, from_at, id",
            ("$devices", JsonSerializer.Serialize(devices.Select(d => d.Value))));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        List<DeviceBinding>? current = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var binding = ReadBinding(reader);
            if (current is null || current[0].Device != binding.Device)
            {
                bindings[binding.Device] = current = [];
            }

            current.Add(binding);
        }

        return bindings;
    }

    public async Task<DeviceBinding?> FindBindingAsync(DeviceId device, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            $"SELECT {BindingColumns} FROM device_bindings WHERE device_id = $device AND from_at <= $at AND (to_at IS NULL OR to_at > $at) ORDER BY from_at DESC, id DESC LIMIT 1",
            ("$device", device.Value),
            ("$at", Sql.Time(at)));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadBinding(reader) : null;
    }

    // Bindings whose column (device_id or shipment_id, never caller text) equals the key, oldest first.
    private async Task<IReadOnlyList<DeviceBinding>> SelectBindingsAsync(string column, string key, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(null, $"SELECT {BindingColumns} FROM device_bindings WHERE {column} = $key ORDER BY from_at, id", ("$key", key));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var bindings = new List<DeviceBinding>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            bindings.Add(ReadBinding(reader));
        }

        return bindings;
    }

    private async Task<DeviceInfo?> FindOneAsync(string condition, object key, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(null, $"SELECT {Columns} FROM devices WHERE {condition}", ("$key", key));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    private static DeviceInfo Read(SqliteDataReader reader) => new(
        DeviceId.Parse(reader.GetString(0)),
        PartyId.Parse(reader.GetString(1)),
        DeviceKinds.TryParse(reader.GetString(2), out var kind) ? kind : throw new InvalidDataException($"Unknown device kind '{reader.GetString(2)}' in the database."),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        Sql.ReadTime(reader.GetString(4)));

    private static DeviceBinding ReadBinding(SqliteDataReader reader) => new(
        DeviceId.Parse(reader.GetString(0)),
        ShipmentId.Parse(reader.GetString(1)),
        ContainerNumber.Parse(reader.GetString(2)),
        Sql.ReadTime(reader.GetString(3)),
        reader.IsDBNull(4) ? null : Sql.ReadTime(reader.GetString(4)));
}
