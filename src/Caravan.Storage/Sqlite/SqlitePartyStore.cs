using Caravan.Core.Geography;
using Caravan.Core.Shipments;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>The parties in SQLite: writes through the <see cref="SqliteWriter"/>, reads on pooled connections.</summary>
public sealed class SqlitePartyStore : IPartyStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;

    // A party is never changed once created.
    private readonly ImmutableRowCache<PartyId, Party> _parties = new();

    public SqlitePartyStore(SqliteDatabase database, SqliteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(writer);
        _database = database;
        _writer = writer;
    }

    public Task<bool> CreateAsync(Party party, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(party);
        return _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var insert = connection.Command(
                    transaction,
                    "INSERT INTO parties (id, name, country, kind, created_at) VALUES ($id, $name, $country, $kind, $at) ON CONFLICT (id) DO NOTHING",
                    ("$id", party.Id.Value),
                    ("$name", party.Name),
                    ("$country", party.Country.Value),
                    ("$kind", party.Kind.ToString()),
                    ("$at", Sql.Time(createdAt)));
                return insert.ExecuteNonQuery() == 1;
            },
            cancellationToken);
    }

    public Task<Party?> FindAsync(PartyId id, CancellationToken cancellationToken) =>
        _parties.GetOrReadAsync(id, async () =>
        {
            await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var select = connection.Command(null, "SELECT id, name, country, kind FROM parties WHERE id = $id", ("$id", id.Value));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
        });

    public async Task<IReadOnlyList<Party>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(null, "SELECT id, name, country, kind FROM parties ORDER BY id");
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var parties = new List<Party>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            parties.Add(Read(reader));
        }

        return parties;
    }

    private static Party Read(SqliteDataReader reader) => new(
        PartyId.Parse(reader.GetString(0)),
        reader.GetString(1),
        CountryCode.Parse(reader.GetString(2)),
        Enum.Parse<PartyKind>(reader.GetString(3)));
}
