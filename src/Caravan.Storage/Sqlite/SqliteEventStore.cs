using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Caravan.Core.Events;
using Caravan.Core.Shipments;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>
/// The chains in SQLite (<c>events</c>, <c>chain_heads</c>). Appends run inside one turn of the single writer, so
/// reading the last entry and inserting the next see no interleaving; <c>UNIQUE (shipment_id, sequence)</c> guards
/// against a fork even so. Rows are read back into <see cref="ChainEntry"/> without judging them: a damaged value
/// becomes a value that fails verification, never an exception.
/// </summary>
public sealed class SqliteEventStore : IEventStore
{
    private const string EntryColumns =
        "sequence, shipment_id, event_id, event_json, author_party_id, author_kid, author_signature, previous_hash, recorded_at, platform_kid, platform_signature, entry_hash";

    private const string UnrecordedSavepoint = "append_unrecorded";

    // SQLITE_CONSTRAINT_UNIQUE.
    private const int UniqueConstraintFailed = 2067;

    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;

    public SqliteEventStore(SqliteDatabase database, SqliteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(writer);
        _database = database;
        _writer = writer;
    }

    public Task<IReadOnlyList<AppendResult>> AppendAsync(
        ShipmentId shipment,
        IReadOnlyList<EventToAppend> events,
        Func<ChainEntry?, EventToAppend, bool, ChainEntry> seal,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(seal);
        return _writer.WriteAsync<IReadOnlyList<AppendResult>>((connection, transaction) => Append(connection, transaction, shipment, events, seal), cancellationToken);
    }

    public async Task<IReadOnlyList<ChainEntry>> ListAsync(ShipmentId shipment, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ListAsync(connection, null, shipment, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredChain> ReadChainAsync(ShipmentId shipment, CancellationToken cancellationToken)
    {
        // One read transaction: in WAL mode its snapshot is taken at the first read and holds for both statements.
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var entries = await ListAsync(connection, transaction, shipment, cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(transaction, "SELECT sequence, entry_hash FROM chain_heads WHERE shipment_id = $id", ("$id", shipment.Value));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var head = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new ChainHead(reader.GetInt64(0), reader.GetString(1)) : null;
        return new StoredChain(entries, head);
    }

    public async Task<IReadOnlyDictionary<ShipmentId, long>> ChainLengthsAsync(PartyId party, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            """
            SELECT h.shipment_id, h.sequence FROM chain_heads h
            WHERE EXISTS (SELECT 1 FROM shipment_parties p WHERE p.shipment_id = h.shipment_id AND p.party_id = $party)
            """,
            ("$party", party.Value));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var lengths = new Dictionary<ShipmentId, long>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lengths[ShipmentId.Parse(reader.GetString(0))] = reader.GetInt64(1);
        }

        return lengths;
    }

    private static async Task<IReadOnlyList<ChainEntry>> ListAsync(
        SqliteConnection connection, SqliteTransaction? transaction, ShipmentId shipment, CancellationToken cancellationToken)
    {
        await using var select = connection.Command(
            transaction, $"SELECT {EntryColumns} FROM events WHERE shipment_id = $id ORDER BY sequence", ("$id", shipment.Value));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<ChainEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(ReadEntry(reader));
        }

        return entries;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var count = connection.Command(null, "SELECT count(*) FROM events");
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<EventPage> QueryAsync(PartyId party, EventQuery query, long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var sql = new StringBuilder(
            """
            SELECT position, event_json FROM events
            WHERE position > $after
              AND shipment_id IN (SELECT shipment_id FROM shipment_parties WHERE party_id = $party)
            """);
        var parameters = new List<(string Name, object? Value)> { ("$after", after), ("$party", party.Value), ("$limit", limit + 1) };
        In(sql, parameters, "event_type", query.EventTypes);
        Family(sql, parameters, "SHIPMENT", query.ShipmentEventTypeCodes);
        Family(sql, parameters, "TRANSPORT", query.TransportEventTypeCodes);
        Family(sql, parameters, "EQUIPMENT", query.EquipmentEventTypeCodes);
        Equal(sql, parameters, "equipment_reference", query.EquipmentReference);
        Equal(sql, parameters, "carrier_booking_reference", query.CarrierBookingReference);
        Equal(sql, parameters, "transport_document_reference", query.TransportDocumentReference);
        if (query.UNLocationCode is { } location)
        {
            sql.Append(" AND (event_location = $location OR call_location = $location)");
            parameters.Add(("$location", location));
        }

        foreach (var (op, time) in query.EventCreatedDateTime)
        {
            var comparison = op switch
            {
                "gte" => ">=",
                "gt" => ">",
                "lte" => "<=",
                "lt" => "<",
                "eq" => "=",
                _ => throw new ArgumentException($"Unknown operator '{op}'.", nameof(query)),
            };
            var name = $"$created{parameters.Count}";
            sql.Append(CultureInfo.InvariantCulture, $" AND event_created_at {comparison} {name}");
            parameters.Add((name, Sql.Time(time)));
        }

        sql.Append(" ORDER BY position LIMIT $limit");
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(null, sql.ToString(), [.. parameters]);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<ReadOnlyMemory<byte>>();
        var last = after;
        var more = false;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (events.Count == limit)
            {
                more = true;
                break;
            }

            last = reader.GetInt64(0);
            events.Add(reader.GetFieldValue<byte[]>(1));
        }

        return new EventPage(events, last, more);
    }

    private static List<AppendResult> Append(
        SqliteConnection connection,
        SqliteTransaction transaction,
        ShipmentId shipment,
        IReadOnlyList<EventToAppend> events,
        Func<ChainEntry?, EventToAppend, bool, ChainEntry> seal)
    {
        if (TryAppendUnrecorded(connection, transaction, shipment, events, seal) is { } appended)
        {
            return appended;
        }

        // First every lookup, then — only when nothing conflicts — every insert: a batch is all or nothing.
        var results = new AppendResult?[events.Count];
        var inBatch = new Dictionary<Guid, int>();
        var conflict = false;
        using var find = connection.Command(transaction, $"SELECT {EntryColumns} FROM events WHERE event_id = $id", ("$id", string.Empty));
        for (var i = 0; i < events.Count; i++)
        {
            var shipmentEvent = events[i].Event;
            if (inBatch.TryGetValue(shipmentEvent.EventId, out var first))
            {
                var same = events[first].Event.CanonicalJson.Span.SequenceEqual(shipmentEvent.CanonicalJson.Span);
                results[i] = new AppendResult(same ? AppendOutcome.AlreadyRecorded : AppendOutcome.Conflict, null);
                conflict |= !same;
                continue;
            }

            var stored = FindByEventId(find, shipmentEvent.EventId);
            if (stored is not null)
            {
                var same = stored.EventJson.Span.SequenceEqual(shipmentEvent.CanonicalJson.Span);
                results[i] = new AppendResult(same ? AppendOutcome.AlreadyRecorded : AppendOutcome.Conflict, stored);
                conflict |= !same;
                continue;
            }

            inBatch[shipmentEvent.EventId] = i;
        }

        if (conflict)
        {
            return results.Select(r => r ?? new AppendResult(AppendOutcome.NotAppended, null)).ToList();
        }

        SealAndInsert(connection, transaction, shipment, events, seal, results);

        // A re-sent event later in the batch than its first copy gets the entry the first copy got.
        for (var i = 0; i < events.Count; i++)
        {
            if (results[i] is { Outcome: AppendOutcome.AlreadyRecorded, Entry: null })
            {
                results[i] = new AppendResult(AppendOutcome.AlreadyRecorded, results[inBatch[events[i].Event.EventId]]!.Entry);
            }
        }

        return results.Select(r => r!).ToList();
    }

    /// <summary>
    /// Seals, in order, every event of the batch that has no result yet onto the shipment's chain (the last of them
    /// signed by the platform), inserts it and records it as appended; then moves the chain head to the last entry.
    /// </summary>
    private static void SealAndInsert(
        SqliteConnection connection,
        SqliteTransaction transaction,
        ShipmentId shipment,
        IReadOnlyList<EventToAppend> events,
        Func<ChainEntry?, EventToAppend, bool, ChainEntry> seal,
        AppendResult?[] results)
    {
        var last = Last(connection, transaction, shipment);
        var closing = Array.FindLastIndex(results, r => r is null);
        var insert = InsertCommand(connection, transaction);
        for (var i = 0; i < events.Count; i++)
        {
            if (results[i] is not null)
            {
                continue;
            }

            var entry = seal(last, events[i], i == closing);
            if (entry.IsPlatformSigned != (i == closing))
            {
                throw new InvalidOperationException($"Entry {entry.ShipmentId} #{entry.Sequence} is {(entry.IsPlatformSigned ? "" : "not ")}signed by the platform; only the last entry of a write is.");
            }

            if (entry.ShipmentId != shipment.Value || !ChainSealer.Follows(entry, last))
            {
                throw new InvalidOperationException($"The sealed entry is {entry.ShipmentId} #{entry.Sequence}, not the one that follows shipment {shipment}'s last entry.");
            }

            Insert(insert, entry, events[i].Event);
            results[i] = new AppendResult(AppendOutcome.Appended, entry);
            last = entry;
        }

        if (last is not null)
        {
            var head = connection.Prepared(
                transaction,
                """
                INSERT INTO chain_heads (shipment_id, sequence, entry_hash) VALUES ($id, $sequence, $hash)
                ON CONFLICT (shipment_id) DO UPDATE SET sequence = excluded.sequence, entry_hash = excluded.entry_hash
                """,
                "$id",
                "$sequence",
                "$hash");
            head.Parameters[0].Value = shipment.Value;
            head.Parameters[1].Value = last.Sequence;
            head.Parameters[2].Value = last.EntryHash;
            head.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// The common case — no event of the batch recorded before, none repeated in it — without a lookup per event: the
    /// events are sealed and inserted inside a savepoint, and the UNIQUE index on <c>event_id</c> refuses an id already
    /// recorded. Then everything is rolled back to the savepoint and null returned, for the lookups to answer each
    /// event (the same stored entry, or a conflict).
    /// </summary>
    private static List<AppendResult>? TryAppendUnrecorded(
        SqliteConnection connection,
        SqliteTransaction transaction,
        ShipmentId shipment,
        IReadOnlyList<EventToAppend> events,
        Func<ChainEntry?, EventToAppend, bool, ChainEntry> seal)
    {
        var ids = new HashSet<Guid>();
        if (!events.All(e => ids.Add(e.Event.EventId)))
        {
            return null;
        }

        transaction.Save(UnrecordedSavepoint);
        try
        {
            var results = new AppendResult?[events.Count];
            SealAndInsert(connection, transaction, shipment, events, seal, results);
            transaction.Release(UnrecordedSavepoint);
            return results.Select(r => r!).ToList();
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == UniqueConstraintFailed && e.Message.Contains("events.event_id", StringComparison.Ordinal))
        {
            transaction.Rollback(UnrecordedSavepoint);
            transaction.Release(UnrecordedSavepoint);
            return null;
        }
    }

    private static ChainEntry? FindByEventId(SqliteCommand find, Guid eventId)
    {
        find.Parameters[0].Value = eventId.ToString("D");
        using var reader = find.ExecuteReader();
        return reader.Read() ? ReadEntry(reader) : null;
    }

    private static ChainEntry? Last(SqliteConnection connection, SqliteTransaction transaction, ShipmentId shipment)
    {
        var select = connection.Prepared(transaction, LastEntry, "$id");
        select.Parameters[0].Value = shipment.Value;
        using var reader = select.ExecuteReader();
        return reader.Read() ? ReadEntry(reader) : null;
    }

    private const string LastEntry = $"SELECT {EntryColumns} FROM events WHERE shipment_id = $id ORDER BY sequence DESC LIMIT 1";

    /// <summary>The insert of one entry, prepared once on the writer's connection and executed for every entry.</summary>
    private static SqliteCommand InsertCommand(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Prepared(
            transaction,
            """
            INSERT INTO events (shipment_id, sequence, event_id, event_json, author_party_id, author_kid, author_signature, previous_hash,
                                recorded_at, platform_kid, platform_signature, entry_hash, event_type, type_code, equipment_reference,
                                carrier_booking_reference, transport_document_reference, event_location, call_location, event_created_at)
            VALUES ($shipment, $sequence, $eventId, $json, $author, $kid, $signature, $previous, $recordedAt, $platformKid, $platformSignature,
                    $hash, $type, $code, $equipment, $booking, $document, $location, $callLocation, $created)
            """,
            InsertParameters);

    private static readonly string[] InsertParameters =
    [
        "$shipment", "$sequence", "$eventId", "$json", "$author", "$kid", "$signature", "$previous", "$recordedAt", "$platformKid",
        "$platformSignature", "$hash", "$type", "$code", "$equipment", "$booking", "$document", "$location", "$callLocation", "$created",
    ];

    private static void Insert(SqliteCommand insert, ChainEntry entry, ShipmentEvent shipmentEvent)
    {
        object?[] values =
        [
            entry.ShipmentId,
            entry.Sequence,
            entry.EventId.ToString("D"),
            WholeArray(entry.EventJson),
            entry.AuthorPartyId,
            entry.AuthorKid,
            entry.AuthorSignature,
            entry.PreviousHash,
            Sql.Time(entry.RecordedAt),
            entry.PlatformKid,
            entry.PlatformSignature,
            entry.EntryHash,
            shipmentEvent.EventType.ToString(),
            shipmentEvent.TypeCode,
            shipmentEvent.EquipmentReference?.Value,
            shipmentEvent.CarrierBookingReference,
            shipmentEvent.TransportDocumentReference,
            shipmentEvent.EventLocation?.Value,
            shipmentEvent.TransportCall?.UNLocationCode.Value,
            Sql.Time(shipmentEvent.EventCreatedDateTime),
        ];
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        insert.ExecuteNonQuery();
    }

    // An entry's event is usually a whole array (the canonical form written on the way in), bound without a copy.
    private static byte[] WholeArray(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : bytes.ToArray();

    // Damaged values read as values that cannot verify: an unparsable id as the empty GUID, an unparsable time as the
    // minimum; the verifier then names the entry instead of the server failing.
    private static ChainEntry ReadEntry(SqliteDataReader reader) => new(
        Sequence: reader.GetInt64(0),
        ShipmentId: reader.GetString(1),
        EventId: Guid.TryParseExact(reader.GetString(2), "D", out var eventId) ? eventId : Guid.Empty,
        EventJson: reader.GetValue(3) is byte[] bytes ? bytes : Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(3), CultureInfo.InvariantCulture) ?? string.Empty),
        AuthorPartyId: reader.GetString(4),
        AuthorKid: reader.GetString(5),
        AuthorSignature: reader.GetString(6),
        PreviousHash: reader.GetString(7),
        RecordedAt: DateTimeOffset.TryParse(reader.GetString(8), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : DateTimeOffset.MinValue,
        PlatformKid: reader.GetString(9),
        PlatformSignature: reader.GetString(10),
        EntryHash: reader.GetString(11));

    private static void In(StringBuilder sql, List<(string Name, object? Value)> parameters, string column, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        sql.Append(CultureInfo.InvariantCulture, $" AND {column} IN ({Names(parameters, values)})");
    }

    private static void Family(StringBuilder sql, List<(string Name, object? Value)> parameters, string eventType, IReadOnlyList<string> codes)
    {
        if (codes.Count == 0)
        {
            return;
        }

        var typeName = $"$type{parameters.Count}";
        parameters.Add((typeName, eventType));
        sql.Append(CultureInfo.InvariantCulture, $" AND event_type = {typeName} AND type_code IN ({Names(parameters, codes)})");
    }

    private static void Equal(StringBuilder sql, List<(string Name, object? Value)> parameters, string column, string? value)
    {
        if (value is null)
        {
            return;
        }

        var name = $"$p{parameters.Count}";
        parameters.Add((name, value));
        sql.Append(CultureInfo.InvariantCulture, $" AND {column} = {name}");
    }

    private static string Names(List<(string Name, object? Value)> parameters, IReadOnlyList<string> values)
    {
        var names = new List<string>(values.Count);
        foreach (var value in values)
        {
            var name = $"$p{parameters.Count}";
            parameters.Add((name, value));
            names.Add(name);
        }

        return string.Join(", ", names);
    }
}
