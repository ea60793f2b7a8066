using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Caravan.Storage.Sqlite;

/// <summary>Small helpers for commands with named parameters and the stored forms of times.</summary>
internal static class Sql
{
    // Commands kept per connection: SQLite parses and plans a statement once, and each use only binds and steps it.
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> PreparedCommands = new();

    /// <summary>
    /// A command for <paramref name="text"/> kept with <paramref name="connection"/> and reused on every call, its
    /// statement prepared once: for the writer's connection, whose few statements run for every append. The caller sets
    /// the parameters' values in the order of <paramref name="parameterNames"/>, does not dispose the command, and uses
    /// the connection from one thread at a time (as the writer does).
    /// </summary>
    public static SqliteCommand Prepared(this SqliteConnection connection, SqliteTransaction transaction, string text, params string[] parameterNames)
    {
        var commands = PreparedCommands.GetOrCreateValue(connection);
        if (!commands.TryGetValue(text, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = text;
            foreach (var name in parameterNames)
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            commands[text] = command;
        }

        command.Transaction = transaction;
        return command;
    }

    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Times are stored as ISO 8601 UTC text with seven fractional digits, which sorts as it reads.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ReadTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
