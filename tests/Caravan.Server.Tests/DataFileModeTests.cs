using Caravan.Storage;

namespace Caravan.Server.Tests;

/// <summary>
/// The database holds custodial private keys and webhook secrets: on Unix the data directory Caravan creates is 0700
/// and the database files it creates (caravan.db, -wal, -shm) are 0600; a directory the operator made keeps its mode.
/// </summary>
public sealed class DataFileModeTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task A_data_directory_caravan_creates_is_owner_only_and_so_are_the_database_files()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var parent = new TempDirectory();
        var data = Path.Combine(parent.Path, "made-by-caravan", "data");
        await using var factory = new CaravanFactory(data);
        await WriteAsync(factory);

        Assert.Equal(OwnerOnlyFiles.DirectoryMode, File.GetUnixFileMode(data));
        AssertDatabaseFilesOwnerOnly(data);
    }

    [Fact]
    public async Task A_data_directory_the_operator_made_keeps_its_mode_and_the_database_files_are_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var data = new TempDirectory();
        const UnixFileMode operatorMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(data.Path, operatorMode);
        await using var factory = new CaravanFactory(data.Path);
        await WriteAsync(factory);

        Assert.Equal(operatorMode, File.GetUnixFileMode(data.Path));
        AssertDatabaseFilesOwnerOnly(data.Path);
    }

    /// <summary>Starts the server and commits a write, so the log and shared-memory files exist.</summary>
    private static Task WriteAsync(CaravanFactory factory) => factory.PartyAsync("xian-fwd", "forwarder");

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void AssertDatabaseFilesOwnerOnly(string data)
    {
        foreach (var name in new[] { "caravan.db", "caravan.db-wal", "caravan.db-shm" })
        {
            var file = Path.Combine(data, name);
            Assert.True(File.Exists(file), $"{name} exists while the server runs");
            Assert.True(File.GetUnixFileMode(file) == OwnerReadWrite, $"{name} is {File.GetUnixFileMode(file)}");
        }
    }
}
