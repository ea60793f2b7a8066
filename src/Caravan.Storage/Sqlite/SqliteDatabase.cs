using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>
/// The SQLite file <c>caravan.db</c> under the data directory: how to open the writer's one connection (WAL,
/// synchronous=FULL, foreign keys, busy timeout, a larger page cache, a longer log between checkpoints,
/// savepoint journals in memory) and the readers' pooled ones.
/// </summary>
/// <remarks>
/// synchronous=FULL rather than NORMAL: in WAL mode NORMAL already survives a crash of the process, but not of the
/// machine or its power, because the WAL is not synced at each commit. FULL syncs the WAL on every commit, so an
/// acknowledged write survives both; the batching writer pays that sync once per batch, not once per request.
/// </remarks>
public sealed class SqliteDatabase
{
    private readonly string _readerConnectionString;
    private readonly string _writerConnectionString;
    private readonly int _busyTimeoutMs;
    private readonly int _writerCacheKibibytes;
    private readonly int _walAutoCheckpointPages;

    public SqliteDatabase(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DataDirectory = System.IO.Path.GetFullPath(options.DataDirectory);
        FilePath = System.IO.Path.Combine(DataDirectory, StorageOptions.DatabaseFileName);
        _busyTimeoutMs = (int)options.BusyTimeout.TotalMilliseconds;
        _writerCacheKibibytes = options.WriterCacheMebibytes * 1024;
        _walAutoCheckpointPages = options.WalAutoCheckpointPages;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)options.BusyTimeout.TotalSeconds),
        };
        _readerConnectionString = builder.ToString();
        builder.Pooling = false;
        _writerConnectionString = builder.ToString();
    }

    /// <summary>The absolute data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The absolute path of <c>caravan.db</c>.</summary>
    public string FilePath { get; }

    /// <summary>Opens a pooled connection for reading; dispose it to return it to the pool.</summary>
    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Opens the writer's connection, creating the directory and file, and switches the file to WAL. The file holds
    /// custodial private keys and webhook secrets: when Caravan creates it, it is made empty with mode 0600 before
    /// SQLite opens it (and the directory 0700), and SQLite gives its -wal and -shm files the database file's mode.
    /// </summary>
    internal SqliteConnection OpenWriter()
    {
        OwnerOnlyFiles.CreateDirectory(DataDirectory);
        OwnerOnlyFiles.CreateEmptyFile(FilePath);
        var connection = new SqliteConnection(_writerConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, "PRAGMA synchronous = FULL;");
        Execute(connection, "PRAGMA foreign_keys = ON;");
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {_busyTimeoutMs};"));
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{_writerCacheKibibytes};"));
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA wal_autocheckpoint = {_walAutoCheckpointPages};"));

        // Every request runs in a savepoint, and SQLite keeps the prior content of each page a savepoint changes in a
        // sub-journal so it can roll back to it: a temporary file unless temporary storage is in memory. The
        // sub-journal serves only to roll back within the open transaction, never to recover, so memory loses nothing.
        Execute(connection, "PRAGMA temp_store = MEMORY;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
