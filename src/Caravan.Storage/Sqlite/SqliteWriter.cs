using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Caravan.Storage.Sqlite;

/// <summary>
/// The one writer of the database. Callers hand it work through a bounded channel; one loop takes up to
/// <see cref="StorageOptions.WriteBatchSize"/> requests at a time, runs each inside its own SAVEPOINT of one
/// transaction (a request that throws is rolled back alone and gets its exception), commits, and only then completes
/// the callers' tasks — so an awaited write is durable. One writer means no write ever waits on a lock held by
/// another, and work that reads and then writes (append the next entry after the last) sees no interleaving.
/// </summary>
public sealed class SqliteWriter : IAsyncDisposable
{
    /// <summary>The name of the writer's thread.</summary>
    public const string ThreadName = "Caravan writer";

    private const string SavepointName = "request";

    /// <summary>Writes committed before the query planner's statistics are first gathered; the interval then doubles.</summary>
    internal const long FirstStatisticsAfterWrites = 1_000;

    /// <summary>The longest interval, in writes, between two refreshes of the statistics.</summary>
    private const long MostWritesBetweenStatistics = 100_000;

    /// <summary>Rows of each index that ANALYZE reads at most, so a refresh takes milliseconds on any database size.</summary>
    private const int AnalysisLimitRows = 1_000;

    private readonly SqliteDatabase _database;
    private readonly int _batchSize;
    private readonly ILogger _logger;
    private readonly Channel<WriteRequest> _queue;
    private SqliteConnection? _connection;
    private Task? _loop;
    private long _writesCommitted;
    private long _nextStatisticsAt = FirstStatisticsAfterWrites;

    public SqliteWriter(SqliteDatabase database, StorageOptions options, ILogger<SqliteWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _batchSize = options.WriteBatchSize;
        _logger = logger;
        _queue = Channel.CreateBounded<WriteRequest>(new BoundedChannelOptions(options.WriteQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the writer's transaction and returns its result once the transaction has
    /// committed. The work must be synchronous and must not commit or roll back: its commands use the given
    /// transaction. If it throws, its changes are rolled back and the task fails with that exception; other requests
    /// in the same batch are unaffected. Cancelled while still queued, the work never runs.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_loop is null)
        {
            throw new InvalidOperationException("The writer has not been started.");
        }

        var request = new WriteRequestOf<T>(work, cancellationToken);
        if (_queue.Writer.TryWrite(request))
        {
            return request.Task;
        }

        return EnqueueAsync(request, cancellationToken);
    }

    /// <summary>Opens the database, applies pending migrations and starts the loop; returns the migrations applied.</summary>
    /// <exception cref="StorageSchemaException">The database is newer than this build, or a migration failed.</exception>
    public IReadOnlyList<int> Start(DateTimeOffset now)
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException("The writer is already started.");
        }

        var connection = _database.OpenWriter();
        try
        {
            var applied = SqliteMigrations.Apply(connection, now);
            Log.DatabaseOpened(_logger, _database.FilePath);
            foreach (var version in applied)
            {
                Log.MigrationApplied(_logger, version);
            }

            _connection = connection;
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                try
                {
                    Run();
                    stopped.SetResult();
                }
                catch (Exception e)
                {
                    stopped.SetException(e);
                }
            })
            {
                IsBackground = true,
                Name = ThreadName,
            };
            thread.Start();
            _loop = stopped.Task;
            return applied;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Stops taking work, finishes what is queued, and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
            Log.WriterStopped(_logger);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    private async Task<T> EnqueueAsync<T>(WriteRequestOf<T> request, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e)
        {
            request.Dispose();
            throw new ObjectDisposedException("The writer has stopped.", e);
        }
        catch (OperationCanceledException)
        {
            request.Dispose();
            throw;
        }

        return await request.Task.ConfigureAwait(false);
    }

    // The loop owns its thread, blocking on the queue when it is empty: the writer's work never waits for a thread of
    // the pool, and its CPU time can be read apart (the thread's name in /proc/PID/task/*/comm).
    private void Run()
    {
        var batch = new List<WriteRequest>(_batchSize);
        var failures = new Dictionary<WriteRequest, Exception>(ReferenceEqualityComparer.Instance);
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            failures.Clear();
            while (batch.Count < _batchSize && reader.TryRead(out var request))
            {
                if (request.TryStart())
                {
                    batch.Add(request);
                }
            }

            if (batch.Count > 0)
            {
                RunBatch(batch, failures);
            }
        }
    }

    private void RunBatch(List<WriteRequest> batch, Dictionary<WriteRequest, Exception> failures)
    {
        var connection = _connection!;
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var request in batch)
            {
                transaction.Save(SavepointName);
                try
                {
                    request.Run(connection, transaction);
                    transaction.Release(SavepointName);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    transaction.Rollback(SavepointName);
                    transaction.Release(SavepointName);
                    failures[request] = e;
                    Log.WriteFailed(_logger, e);
                }
            }

            transaction.Commit();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The batch as a whole did not commit: nothing of it is stored, so every caller gets the error.
            Log.BatchCommitFailed(_logger, batch.Count, e);
            foreach (var request in batch)
            {
                request.Fail(e);
            }

            return;
        }

        foreach (var request in batch)
        {
            if (failures.TryGetValue(request, out var error))
            {
                request.Fail(error);
            }
            else
            {
                request.Complete();
            }
        }

        _writesCommitted += batch.Count;
        if (_writesCommitted >= _nextStatisticsAt)
        {
            RefreshStatistics(connection);
            _nextStatisticsAt = _writesCommitted + Math.Min(_writesCommitted, MostWritesBetweenStatistics);
        }
    }

    /// <summary>
    /// Gathers the query planner's statistics (ANALYZE, sampling at most <see cref="AnalysisLimitRows"/> rows of each
    /// index) after the writes they describe have been answered. Without them SQLite guesses each index's
    /// selectivity, and a read such as events in a time range, for a party in every shipment, walks the party's
    /// shipments event by event instead of the time index. Refreshed after 1,000 writes, then each time the number of
    /// writes doubles (at least every 100,000): as the tables' shape settles, the statistics stop changing.
    /// </summary>
    private void RefreshStatistics(SqliteConnection connection)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA analysis_limit = {AnalysisLimitRows}; ANALYZE;");
            command.ExecuteNonQuery();
            Log.StatisticsRefreshed(_logger, _writesCommitted);
        }
        catch (SqliteException e)
        {
            // Statistics only guide the query planner; a failure here loses nothing and is tried again later.
            Log.StatisticsFailed(_logger, e);
        }
    }
}
