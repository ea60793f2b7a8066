using Microsoft.Data.Sqlite;

namespace Caravan.Server.Tests;

/// <summary>A command bound to the writer's transaction, for test work handed to the writer.</summary>
public static class SqliteTestExtensions
{
    public static SqliteCommand CreateCommandWith(this SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
