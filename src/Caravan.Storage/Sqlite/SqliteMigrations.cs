using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>
/// The numbered SQL migrations embedded in this assembly (<c>Migrations/0001_parties.sql</c>, ...), applied in
/// order inside one transaction and recorded in <c>schema_migrations</c>. A database that records a migration this
/// build does not know is newer than the code, and is refused.
/// </summary>
public static class SqliteMigrations
{
    private const string Prefix = "Migrations/";

    /// <summary>Every migration this build knows, by version.</summary>
    public static IReadOnlyList<(int Version, string Name)> Known { get; } = Load().Select(m => (m.Version, m.Name)).ToList();

    /// <summary>Applies the migrations the database lacks and returns their versions (empty when it was up to date).</summary>
    /// <exception cref="StorageSchemaException">The database is newer than this build, or a migration failed.</exception>
    public static IReadOnlyList<int> Apply(SqliteConnection connection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var migrations = Load();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var create = connection.Command(
            transaction,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;"))
        {
            create.ExecuteNonQuery();
        }

        var applied = new HashSet<int>();
        using (var read = connection.Command(transaction, "SELECT version FROM schema_migrations"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var unknown = applied.Where(v => migrations.All(m => m.Version != v)).Order().ToList();
        if (unknown.Count > 0)
        {
            throw new StorageSchemaException(
                $"The database {connection.DataSource} has schema migration {unknown[^1]}, but this build of Caravan knows migrations up to {latest}: "
                + "it was written by a newer Caravan. Run that version, or restore a backup made by this one.");
        }

        var done = new List<int>();
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            try
            {
                using (var apply = connection.Command(transaction, migration.Sql))
                {
                    apply.ExecuteNonQuery();
                }

                using var record = connection.Command(
                    transaction,
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at)",
                    ("$version", migration.Version),
                    ("$name", migration.Name),
                    ("$at", Sql.Time(now)));
                record.ExecuteNonQuery();
            }
            catch (SqliteException e)
            {
                throw new StorageSchemaException($"Migration {migration.Name} failed: {e.Message}", e);
            }

            done.Add(migration.Version);
        }

        transaction.Commit();
        return done;
    }

    private static List<(int Version, string Name, string Sql)> Load()
    {
        var assembly = typeof(SqliteMigrations).Assembly;
        var migrations = new List<(int Version, string Name, string Sql)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            var digits = name.Split('_', 2)[0];
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            {
                throw new InvalidOperationException($"The migration {name} does not start with its number (0001_name.sql).");
            }

            migrations.Add((version, name, Read(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3, ... without gaps; {migrations[i].Name} is number {i + 1}.");
            }
        }

        return migrations;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
