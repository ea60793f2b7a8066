using Caravan.Core.Shipments;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>Bearer tokens in SQLite, kept as SHA-256 hashes (<see cref="AccessTokens"/>).</summary>
public sealed class SqliteAccessTokenStore : IAccessTokenStore
{
    private const string Columns = "id, party_id, is_admin, label, created_at, revoked_at";

    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;

    public SqliteAccessTokenStore(SqliteDatabase database, SqliteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(writer);
        _database = database;
        _writer = writer;
    }

    public async Task<IssuedAccessToken> IssueAsync(PartyId? party, string label, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(label);
        var token = AccessTokens.Generate();
        var info = new AccessTokenInfo(AccessTokens.NewId(), party, party is null, label, createdAt, null);
        await _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var insert = connection.Command(
                    transaction,
                    $"INSERT INTO access_tokens (token_hash, {Columns}) VALUES ($hash, $id, $party, $admin, $label, $at, NULL)",
                    ("$hash", AccessTokens.Hash(token)),
                    ("$id", info.Id),
                    ("$party", party?.Value),
                    ("$admin", info.IsAdmin ? 1 : 0),
                    ("$label", label),
                    ("$at", Sql.Time(createdAt)));
                return insert.ExecuteNonQuery();
            },
            cancellationToken).ConfigureAwait(false);
        return new IssuedAccessToken(info, token);
    }

    public async Task<AccessTokenInfo?> FindAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(null, $"SELECT {Columns} FROM access_tokens WHERE token_hash = $hash", ("$hash", AccessTokens.Hash(token)));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public Task<bool> RevokeAsync(string tokenId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenId);
        return _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var update = connection.Command(
                    transaction,
                    "UPDATE access_tokens SET revoked_at = coalesce(revoked_at, $at) WHERE id = $id",
                    ("$id", tokenId),
                    ("$at", Sql.Time(revokedAt)));
                return update.ExecuteNonQuery() == 1;
            },
            cancellationToken);
    }

    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(null, "SELECT EXISTS (SELECT 1 FROM access_tokens WHERE is_admin = 1)");
        return Convert.ToInt64(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    public async Task<IReadOnlyList<AccessTokenInfo>> ListAsync(PartyId party, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(null, $"SELECT {Columns} FROM access_tokens WHERE party_id = $party ORDER BY created_at DESC, id", ("$party", party.Value));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tokens = new List<AccessTokenInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tokens.Add(Read(reader));
        }

        return tokens;
    }

    private static AccessTokenInfo Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.IsDBNull(1) ? null : PartyId.Parse(reader.GetString(1)),
        reader.GetInt64(2) == 1,
        reader.GetString(3),
        Sql.ReadTime(reader.GetString(4)),
        reader.IsDBNull(5) ? null : Sql.ReadTime(reader.GetString(5)));
}
