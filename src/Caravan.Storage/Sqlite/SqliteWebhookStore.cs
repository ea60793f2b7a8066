using System.Globalization;
using Caravan.Core.Shipments;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>Webhooks and the delivery outbox in SQLite; <see cref="Enqueue"/> lets other stores queue deliveries inside their own writer turn.</summary>
public sealed class SqliteWebhookStore : IWebhookStore
{
    private const string DeliveryColumns = "d.id, d.webhook_id, d.event, d.created_at, d.attempts, d.next_attempt_at, d.delivered_at, d.failed_at, d.last_status, d.last_error";

    private readonly SqliteDatabase _database;
    private readonly SqliteWriter _writer;

    public SqliteWebhookStore(SqliteDatabase database, SqliteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(writer);
        _database = database;
        _writer = writer;
    }

    public Task RegisterAsync(WebhookInfo webhook, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var insert = connection.Command(
                    transaction,
                    "INSERT INTO webhooks (id, party_id, url, secret, created_at) VALUES ($id, $party, $url, $secret, $at)",
                    ("$id", webhook.Id),
                    ("$party", webhook.Party.Value),
                    ("$url", webhook.Url.AbsoluteUri),
                    ("$secret", secret),
                    ("$at", Sql.Time(webhook.CreatedAt)));
                return insert.ExecuteNonQuery();
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookInfo>> ListAsync(PartyId party, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null, "SELECT id, party_id, url, created_at FROM webhooks WHERE party_id = $party ORDER BY created_at, id", ("$party", party.Value));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<WebhookInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new WebhookInfo(reader.GetString(0), PartyId.Parse(reader.GetString(1)), new Uri(reader.GetString(2)), Sql.ReadTime(reader.GetString(3))));
        }

        return list;
    }

    public Task<bool> DeleteAsync(PartyId party, string id, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var delete = connection.Command(
                    transaction, "DELETE FROM webhooks WHERE id = $id AND party_id = $party", ("$id", id), ("$party", party.Value));
                return delete.ExecuteNonQuery() == 1;
            },
            cancellationToken);

    public Task<int> EnqueueAsync(ShipmentId shipment, string eventName, byte[] body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        ArgumentNullException.ThrowIfNull(body);
        return _writer.WriteAsync((connection, transaction) => Enqueue(connection, transaction, shipment, eventName, body, now), cancellationToken);
    }

    /// <summary>Queues <paramref name="body"/> for the webhooks of every party on <paramref name="shipment"/>, inside the caller's writer turn.</summary>
    public static int Enqueue(SqliteConnection connection, SqliteTransaction transaction, ShipmentId shipment, string eventName, byte[] body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        using var insert = connection.Command(
            transaction,
            """
            INSERT INTO webhook_deliveries (webhook_id, event, body, created_at, next_attempt_at)
            SELECT w.id, $event, $body, $now, $now FROM webhooks w
            WHERE w.party_id IN (SELECT party_id FROM shipment_parties WHERE shipment_id = $shipment)
            ORDER BY w.created_at, w.id
            """,
            ("$event", eventName),
            ("$body", body),
            ("$now", Sql.Time(now)),
            ("$shipment", shipment.Value));
        return insert.ExecuteNonQuery();
    }

    public async Task<IReadOnlyList<DueDelivery>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(
            null,
            """
            SELECT d.id, d.webhook_id, w.url, w.secret, d.event, d.body, d.attempts
            FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
            WHERE d.next_attempt_at IS NOT NULL AND d.next_attempt_at <= $now
            ORDER BY d.next_attempt_at, d.id LIMIT $limit
            """,
            ("$now", Sql.Time(now)),
            ("$limit", limit));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var due = new List<DueDelivery>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            due.Add(new DueDelivery(
                reader.GetInt64(0), reader.GetString(1), new Uri(reader.GetString(2)), reader.GetString(3), reader.GetString(4), (byte[])reader[5], reader.GetInt32(6)));
        }

        return due;
    }

    public async Task<DateTimeOffset?> NextAttemptAtAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.Command(null, "SELECT min(next_attempt_at) FROM webhook_deliveries WHERE next_attempt_at IS NOT NULL");
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string text ? Sql.ReadTime(text) : null;
    }

    public Task RecordAttemptAsync(long id, DateTimeOffset at, bool delivered, int? status, string? error, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        _writer.WriteAsync(
            (connection, transaction) =>
            {
                using var update = connection.Command(
                    transaction,
                    """
                    UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = $status, last_error = $error, next_attempt_at = $next,
                        delivered_at = CASE WHEN $delivered THEN $at END,
                        failed_at = CASE WHEN NOT $delivered AND $next IS NULL THEN $at END
                    WHERE id = $id
                    """,
                    ("$id", id),
                    ("$status", status),
                    ("$error", error),
                    ("$next", delivered || retryAt is not { } next ? null : Sql.Time(next)),
                    ("$delivered", delivered),
                    ("$at", Sql.Time(at)));
                return update.ExecuteNonQuery();
            },
            cancellationToken);

    public async Task<IReadOnlyList<DeliveryInfo>?> ListDeliveriesAsync(PartyId party, string webhookId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (var owned = connection.Command(
            null, "SELECT EXISTS (SELECT 1 FROM webhooks WHERE id = $id AND party_id = $party)", ("$id", webhookId), ("$party", party.Value)))
        {
            if (Convert.ToInt64(await owned.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
            {
                return null;
            }
        }

        await using var select = connection.Command(
            null, $"SELECT {DeliveryColumns} FROM webhook_deliveries d WHERE d.webhook_id = $id ORDER BY d.id DESC LIMIT $limit", ("$id", webhookId), ("$limit", limit));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<DeliveryInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DeliveryInfo(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                Sql.ReadTime(reader.GetString(3)),
                reader.GetInt32(4),
                TimeOrNull(reader, 5),
                TimeOrNull(reader, 6),
                TimeOrNull(reader, 7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return list;
    }

    internal static DateTimeOffset? TimeOrNull(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Sql.ReadTime(reader.GetString(ordinal));
}
