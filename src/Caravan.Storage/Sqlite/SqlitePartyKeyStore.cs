using Caravan.Core.Events;
using Caravan.Core.Shipments;

namespace Caravan.Storage.Sqlite;

/// <summary>Parties' keys in SQLite (<c>party_keys</c>); keys are only ever added, so a key that verified an entry keeps verifying it.</summary>
public sealed class SqlitePartyKeyStore : IPartyKeyStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;

    public SqlitePartyKeyStore(SqliteDatabase database, SqliteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(writer);
        _database = database;
        _writer = writer;
    }

    public Task<KeyAddResult> AddAsync(PartyId party, EventPublicKey key, EventSigningKey? custodialKey, DateTimeOffset addedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (custodialKey is not null && !custodialKey.PublicKey.Equals(key))
        {
            throw new ArgumentException("The custodial key's public half is not the key registered.", nameof(custodialKey));
        }

        var privateJwk = custodialKey?.ToPrivateJwk();
        return _writer.WriteAsync(
            (connection, transaction) =>
            {
                // The kid is the thumbprint of the key's bytes, so the same kid is the same key. Read in the writer's
                // turn, so no other registration of this key can come between the look and the insert. Rows written
                // before this rule (a key under two parties) are left as they are.
                using (var holders = connection.Command(
                    transaction, "SELECT party_id FROM party_keys WHERE kid = $kid ORDER BY party_id = $party DESC, added_at, party_id", ("$kid", key.Kid), ("$party", party.Value)))
                using (var reader = holders.ExecuteReader())
                {
                    if (reader.Read())
                    {
                        var holder = PartyId.Parse(reader.GetString(0));
                        return holder == party ? new KeyAddResult(KeyAddOutcome.AlreadyRegistered) : new KeyAddResult(KeyAddOutcome.HeldByAnotherParty, holder);
                    }
                }

                using var insert = connection.Command(
                    transaction,
                    "INSERT INTO party_keys (party_id, kid, public_jwk, private_jwk, added_at) VALUES ($party, $kid, $public, $private, $at)",
                    ("$party", party.Value),
                    ("$kid", key.Kid),
                    ("$public", key.ToJwk()),
                    ("$private", privateJwk),
                    ("$at", Sql.Time(addedAt)));
                insert.ExecuteNonQuery();
                return new KeyAddResult(KeyAddOutcome.Added);
            },
            cancellationToken);
    }

    public async Task<EventPublicKey?> FindAsync(PartyId party, string kid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kid);
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null, "SELECT public_jwk FROM party_keys WHERE party_id = $party AND kid = $kid", ("$party", party.Value), ("$kid", kid));
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string jwk ? EventPublicKey.Parse(jwk) : null;
    }

    public async Task<IReadOnlyList<PartyKeyInfo>> ListAsync(PartyId party, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            "SELECT public_jwk, private_jwk IS NOT NULL, added_at FROM party_keys WHERE party_id = $party ORDER BY added_at, kid",
            ("$party", party.Value));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<PartyKeyInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(new PartyKeyInfo(party, EventPublicKey.Parse(reader.GetString(0)), reader.GetBoolean(1), Sql.ReadTime(reader.GetString(2))));
        }

        return keys;
    }

    public async Task<EventSigningKey?> FindCustodialAsync(PartyId party, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            "SELECT private_jwk FROM party_keys WHERE party_id = $party AND private_jwk IS NOT NULL ORDER BY added_at DESC, kid LIMIT 1",
            ("$party", party.Value));
        if (await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string jwk)
        {
            return null;
        }

        return EventSigningKey.TryParse(jwk, out var key, out var error)
            ? key
            : throw new InvalidDataException($"The custodial key of party {party} is not a private JWK: {error}");
    }
}
