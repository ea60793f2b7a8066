using Caravan.Storage;
using Caravan.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Caravan.Server.Tests;

/// <summary>The single batching writer: per-request savepoints, durability on completion, migrations once, newer schemas refused.</summary>
public sealed class WriterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();

    private StorageOptions Options => new() { DataDirectory = _directory.Path };

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_failing_request_in_a_batch_rolls_back_alone_while_the_others_commit()
    {
        await using var writer = Start(out _);
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var blocker = writer.WriteAsync(
            (_, _) =>
            {
                started.Set();
                return release.Wait(TimeSpan.FromSeconds(10));
            },
            CancellationToken.None);
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));

        // Queued behind the blocker, these three run in one batch.
        var before = writer.WriteAsync((c, t) => Insert(c, t, "before"), CancellationToken.None);
        var failing = writer.WriteAsync<int>(
            (c, t) =>
            {
                Insert(c, t, "failing");
                throw new InvalidOperationException("this request is wrong");
            },
            CancellationToken.None);
        var after = writer.WriteAsync((c, t) => Insert(c, t, "after"), CancellationToken.None);
        release.Set();

        Assert.True(await blocker);
        Assert.Equal(1, await before);
        Assert.Equal(1, await after);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("this request is wrong", error.Message);
        Assert.Equal(["after", "before"], await PartyIdsAsync());
    }

    [Fact]
    public void The_writer_connection_uses_the_configured_page_cache()
    {
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = _directory.Path, WriterCacheMebibytes = 8 });
        using var connection = database.OpenWriter();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size;";
        Assert.Equal(-8 * 1024L, (long)command.ExecuteScalar()!);
    }

    [Fact]
    public void The_writer_connection_checkpoints_the_log_at_the_configured_size_syncs_every_commit_and_journals_savepoints_in_memory()
    {
        var database = new SqliteDatabase(new StorageOptions { DataDirectory = _directory.Path, WalAutoCheckpointPages = 5000 });
        using var connection = database.OpenWriter();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";
        Assert.Equal(5000L, (long)command.ExecuteScalar()!);
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, (long)command.ExecuteScalar()!);
        command.CommandText = "PRAGMA temp_store;";
        Assert.Equal(2L, (long)command.ExecuteScalar()!);
    }

    [Fact]
    public void A_log_checkpoint_size_out_of_range_is_named()
    {
        var problems = new StorageOptions { DataDirectory = _directory.Path, WalAutoCheckpointPages = 10 }.Problems();
        Assert.Equal(["Caravan:Storage:WalAutoCheckpointPages must be from 100 to 1000000, not 10."], problems);
    }

    [Fact]
    public void A_writer_cache_out_of_range_is_named()
    {
        var problems = new StorageOptions { DataDirectory = _directory.Path, WriterCacheMebibytes = 1 }.Problems();
        Assert.Equal(["Caravan:Storage:WriterCacheMebibytes must be from 2 to 4096, not 1."], problems);
    }

    [Fact]
    public async Task A_hundred_concurrent_writes_are_all_durable_once_awaited()
    {
        await using (var writer = Start(out _))
        {
            var writes = Enumerable.Range(0, 100)
                .Select(i => Task.Run(() => writer.WriteAsync((c, t) => Insert(c, t, $"party-{i:D3}"), CancellationToken.None)))
                .ToList();
            Assert.All(await Task.WhenAll(writes), n => Assert.Equal(1, n));
        }

        SqliteConnection.ClearAllPools();
        await using var reopened = Start(out var applied);
        Assert.Empty(applied);
        Assert.Equal(100, (await PartyIdsAsync()).Count);
    }

    [Fact]
    public async Task The_query_planner_statistics_are_gathered_once_enough_writes_are_committed()
    {
        await using var writer = Start(out _);
        var first = (int)SqliteWriter.FirstStatisticsAfterWrites;
        for (var i = 0; i < first - 1; i++)
        {
            await writer.WriteAsync((c, t) => Insert(c, t, $"party-{i:D4}"), CancellationToken.None);
        }

        Assert.Empty(await StatisticsAsync());
        await writer.WriteAsync((c, t) => Insert(c, t, "party-last"), CancellationToken.None);

        // The refresh runs on the writer's thread after the write is answered; the next write waits for it.
        await writer.WriteAsync((_, _) => 0, CancellationToken.None);
        Assert.Contains("parties", await StatisticsAsync());
    }

    [Fact]
    public async Task Migrations_are_applied_once_and_recorded()
    {
        await using (var first = Start(out var applied))
        {
            Assert.Equal(SqliteMigrations.Known.Select(m => m.Version), applied);
        }

        await using var second = Start(out var again);
        Assert.Empty(again);
        Assert.Equal(SqliteMigrations.Known.Count, await ScalarAsync("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_database_newer_than_the_code_is_refused_at_start()
    {
        await using (var writer = Start(out _))
        {
            await writer.WriteAsync(
                (c, t) => c.CreateCommandWith(t, "INSERT INTO schema_migrations VALUES (999, '0999_future.sql', '2030-01-01')").ExecuteNonQuery(),
                CancellationToken.None);
        }

        var database = new SqliteDatabase(Options);
        await using var newer = new SqliteWriter(database, Options, NullLogger<SqliteWriter>.Instance);
        var error = Assert.Throws<StorageSchemaException>(() => newer.Start(Now));
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer Caravan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_cancelled_while_queued_never_runs()
    {
        await using var writer = Start(out _);
        using var release = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource();
        using var started = new ManualResetEventSlim();
        var blocker = writer.WriteAsync(
            (_, _) =>
            {
                started.Set();
                return release.Wait(TimeSpan.FromSeconds(10));
            },
            CancellationToken.None);
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        var cancelled = writer.WriteAsync((c, t) => Insert(c, t, "cancelled"), cancel.Token);

        await cancel.CancelAsync();
        release.Set();
        await blocker;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await writer.WriteAsync((c, t) => Insert(c, t, "later"), CancellationToken.None);
        Assert.Equal(["later"], await PartyIdsAsync());
    }

    private SqliteWriter Start(out IReadOnlyList<int> applied)
    {
        var writer = new SqliteWriter(new SqliteDatabase(Options), Options, NullLogger<SqliteWriter>.Instance);
        applied = writer.Start(Now);
        return writer;
    }

    private static int Insert(SqliteConnection connection, SqliteTransaction transaction, string id) =>
        connection.CreateCommandWith(transaction, $"INSERT INTO parties (id, name, country, kind, created_at) VALUES ('{id}', 'n', 'KZ', 'Carrier', '2026-11-20')").ExecuteNonQuery();

    /// <summary>The tables the query planner has statistics for (none before the first ANALYZE).</summary>
    private async Task<List<string>> StatisticsAsync() =>
        await ScalarAsync("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'") == 0
            ? []
            : await StringsAsync("SELECT DISTINCT tbl FROM sqlite_stat1 ORDER BY tbl");

    private Task<List<string>> PartyIdsAsync() => StringsAsync("SELECT id FROM parties ORDER BY id");

    /// <summary>The first column of every row <paramref name="sql"/> returns, read as the server's readers do.</summary>
    private async Task<List<string>> StringsAsync(string sql)
    {
        await using var connection = await new SqliteDatabase(Options).OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await new SqliteDatabase(Options).OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
