using System.Globalization;
using Caravan.Core.Geography;
using Caravan.Core.Shipments;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>Shipments in SQLite: the shipment row, its parties in roles, containers and seals, written in one transaction.</summary>
public sealed class SqliteShipmentStore : IShipmentStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;

    // A shipment, its parties and their roles are fixed when it is booked.
    private readonly ImmutableRowCache<ShipmentId, Shipment> _shipments = new();
    private readonly ImmutableRowCache<(ShipmentId, PartyId), IReadOnlyList<ShipmentRole>> _roles = new();

    public SqliteShipmentStore(SqliteDatabase database, SqliteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(writer);
        _database = database;
        _writer = writer;
    }

    public Task CreateAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return _writer.WriteAsync(
            (connection, transaction) =>
            {
                Insert(connection, transaction, shipment);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Inserts <paramref name="shipment"/> inside a writer turn; for work that creates a shipment among other writes.</summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(shipment);
        var c = shipment.Consignment;
        var id = shipment.Id.Value;
        using (var insert = connection.Command(
            transaction,
            """
            INSERT INTO shipments (id, created_by, created_at, consignor, consignee, place_of_taking_over, place_of_delivery,
                                   goods_description, hs_code, number_of_packages, gross_mass_kg, itinerary_id, itinerary_json,
                                   temperature_min_c, temperature_max_c)
            VALUES ($id, $by, $at, $consignor, $consignee, $from, $to, $goods, $hs, $packages, $mass, $itinerary, $itineraryJson, $minC, $maxC)
            """,
            ("$id", id),
            ("$by", shipment.CreatedBy.Value),
            ("$at", Sql.Time(shipment.CreatedAt)),
            ("$consignor", c.Consignor.Value),
            ("$consignee", c.Consignee.Value),
            ("$from", c.PlaceOfTakingOver.Value),
            ("$to", c.PlaceOfDelivery.Value),
            ("$goods", c.GoodsDescription),
            ("$hs", c.HsCode.Value),
            ("$packages", c.NumberOfPackages),
            ("$mass", c.GrossMassKg),
            ("$itinerary", shipment.Itinerary.Id),
            ("$itineraryJson", StoredItinerary.Write(shipment.Itinerary)),
            ("$minC", shipment.TemperatureRange?.MinC),
            ("$maxC", shipment.TemperatureRange?.MaxC)))
        {
            insert.ExecuteNonQuery();
        }

        foreach (var party in shipment.Parties.Distinct())
        {
            using var insert = connection.Command(
                transaction,
                "INSERT INTO shipment_parties (shipment_id, party_id, role) VALUES ($id, $party, $role)",
                ("$id", id),
                ("$party", party.Party.Value),
                ("$role", party.Role.ToString()));
            insert.ExecuteNonQuery();
        }

        for (var i = 0; i < shipment.Containers.Count; i++)
        {
            var container = shipment.Containers[i];
            using (var insert = connection.Command(
                transaction,
                "INSERT INTO shipment_containers (shipment_id, position, container_number) VALUES ($id, $position, $number)",
                ("$id", id),
                ("$position", i),
                ("$number", container.Number.Value)))
            {
                insert.ExecuteNonQuery();
            }

            for (var s = 0; s < container.Seals.Count; s++)
            {
                using var insert = connection.Command(
                    transaction,
                    "INSERT INTO container_seals (shipment_id, container_number, position, seal_number, source) VALUES ($id, $number, $position, $seal, $source)",
                    ("$id", id),
                    ("$number", container.Number.Value),
                    ("$position", s),
                    ("$seal", container.Seals[s].Number),
                    ("$source", container.Seals[s].Source.ToString()));
                insert.ExecuteNonQuery();
            }
        }
    }

    public Task<Shipment?> FindAsync(ShipmentId id, CancellationToken cancellationToken) =>
        _shipments.GetOrReadAsync(id, async () =>
        {
            await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
            return await ReadAsync(connection, id, cancellationToken).ConfigureAwait(false);
        });

    public async Task<IReadOnlyList<ShipmentRole>> RolesAsync(ShipmentId shipment, PartyId party, CancellationToken cancellationToken) =>
        await _roles.GetOrReadAsync((shipment, party), () => ReadRolesAsync(shipment, party, cancellationToken)).ConfigureAwait(false) ?? [];

    private async Task<IReadOnlyList<ShipmentRole>?> ReadRolesAsync(ShipmentId shipment, PartyId party, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            "SELECT role FROM shipment_parties WHERE shipment_id = $id AND party_id = $party ORDER BY role",
            ("$id", shipment.Value),
            ("$party", party.Value));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var roles = new List<ShipmentRole>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            roles.Add(Enum.Parse<ShipmentRole>(reader.GetString(0)));
        }

        return roles.Count == 0 ? null : roles;
    }

    public async Task<IReadOnlyList<Shipment>> ListForPartyAsync(PartyId party, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<ShipmentId>();
        await using (var select = connection.Command(
            null,
            """
            SELECT s.id FROM shipments s
            WHERE EXISTS (SELECT 1 FROM shipment_parties p WHERE p.shipment_id = s.id AND p.party_id = $party)
            ORDER BY s.created_at DESC, s.id
            """,
            ("$party", party.Value)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(ShipmentId.Parse(reader.GetString(0)));
            }
        }

        var shipments = new List<Shipment>(ids.Count);
        foreach (var id in ids)
        {
            // A booked shipment never changes: read once, then from memory (as FindAsync).
            shipments.Add((await _shipments.GetOrReadAsync(id, () => ReadAsync(connection, id, cancellationToken)).ConfigureAwait(false))!);
        }

        return shipments;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var count = connection.Command(null, "SELECT count(*) FROM shipments");
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<Shipment?> ReadAsync(SqliteConnection connection, ShipmentId id, CancellationToken cancellationToken)
    {
        Shipment shipment;
        await using (var select = connection.Command(
            null,
            """
            SELECT created_by, created_at, consignor, consignee, place_of_taking_over, place_of_delivery,
                   goods_description, hs_code, number_of_packages, gross_mass_kg, itinerary_json,
                   temperature_min_c, temperature_max_c
            FROM shipments WHERE id = $id
            """,
            ("$id", id.Value)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            shipment = new Shipment
            {
                Id = id,
                CreatedBy = PartyId.Parse(reader.GetString(0)),
                CreatedAt = Sql.ReadTime(reader.GetString(1)),
                Consignment = new Consignment
                {
                    Consignor = PartyId.Parse(reader.GetString(2)),
                    Consignee = PartyId.Parse(reader.GetString(3)),
                    PlaceOfTakingOver = Locode.Parse(reader.GetString(4)),
                    PlaceOfDelivery = Locode.Parse(reader.GetString(5)),
                    GoodsDescription = reader.GetString(6),
                    HsCode = HsCode.Parse(reader.GetString(7)),
                    NumberOfPackages = reader.GetInt32(8),
                    GrossMassKg = reader.GetDouble(9),
                },
                Itinerary = StoredItinerary.Read(reader.GetString(10)),
                TemperatureRange = reader.IsDBNull(11) ? null : new TemperatureRange(reader.GetDouble(11), reader.GetDouble(12)),
                Parties = [],
                Containers = [],
            };
        }

        var parties = new List<ShipmentParty>();
        await using (var select = connection.Command(null, "SELECT party_id, role FROM shipment_parties WHERE shipment_id = $id ORDER BY rowid", ("$id", id.Value)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                parties.Add(new ShipmentParty(PartyId.Parse(reader.GetString(0)), Enum.Parse<ShipmentRole>(reader.GetString(1))));
            }
        }

        var seals = new Dictionary<string, List<ContainerSeal>>(StringComparer.Ordinal);
        await using (var select = connection.Command(
            null,
            "SELECT container_number, seal_number, source FROM container_seals WHERE shipment_id = $id ORDER BY container_number, position",
            ("$id", id.Value)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var number = reader.GetString(0);
                if (!seals.TryGetValue(number, out var list))
                {
                    seals[number] = list = [];
                }

                list.Add(new ContainerSeal(reader.GetString(1), Enum.Parse<SealSource>(reader.GetString(2))));
            }
        }

        var containers = new List<ShipmentContainer>();
        await using (var select = connection.Command(null, "SELECT container_number FROM shipment_containers WHERE shipment_id = $id ORDER BY position", ("$id", id.Value)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var number = reader.GetString(0);
                containers.Add(new ShipmentContainer(ContainerNumber.Parse(number), seals.TryGetValue(number, out var list) ? list : []));
            }
        }

        return shipment with { Parties = parties, Containers = containers };
    }
}
