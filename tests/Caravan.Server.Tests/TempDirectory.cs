using Microsoft.Data.Sqlite;

namespace Caravan.Server.Tests;

/// <summary>A directory under the system temp folder, deleted (with its SQLite pools cleared) on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("caravan-test-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host; the OS temp cleaner takes it.
        }
    }
}
