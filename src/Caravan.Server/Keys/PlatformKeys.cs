using Caravan.Core.Events;
using Caravan.Core.Shipments;
using Caravan.Storage;
using Caravan.Storage.Sqlite;

namespace Caravan.Server.Keys;

/// <summary>
/// The platform's own Ed25519 key, which seals every chain entry: read from <c>DATA/platform.key.jwk</c>, or made and
/// written there (mode 0600) at first start. Whoever holds this file can seal entries, so it never leaves the data
/// directory; a bundle carries only its public half. The platform acts as party <see cref="PartyId"/>.
/// </summary>
public sealed class PlatformKeys : IDisposable
{
    /// <summary>The key file's name inside the data directory.</summary>
    public const string FileName = "platform.key.jwk";

    public PlatformKeys(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        FilePath = Path.Combine(database.DataDirectory, FileName);
        Signing = LoadOrCreate(FilePath, "the key that seals every entry");
    }

    /// <summary>The platform's party id, <c>caravan</c> (kind platform), created at first start.</summary>
    public static PartyId PartyId { get; } = PartyId.Parse("caravan");

    /// <summary>The absolute path of the key file.</summary>
    public string FilePath { get; }

    /// <summary>The private key that seals entries.</summary>
    public EventSigningKey Signing { get; }

    /// <summary>The public key that verifies the platform's signatures; it is in every bundle.</summary>
    public EventPublicKey Public => Signing.PublicKey;

    public void Dispose() => Signing.Dispose();

    /// <summary>Reads the private key at <paramref name="path"/>, or makes one and writes it there readable by its owner only.</summary>
    /// <param name="path">The key file.</param>
    /// <param name="purpose">What the key is, for the messages: "the key that seals every entry".</param>
    internal static EventSigningKey LoadOrCreate(string path, string purpose)
    {
        if (File.Exists(path))
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnlyFiles.FileMode) != 0)
            {
                throw new InvalidOperationException($"{path} can be read by others than its owner; run 'chmod 600 {path}' (it is {purpose}).");
            }

            return EventSigningKey.TryParse(File.ReadAllText(path), out var key, out var error)
                ? key
                : throw new InvalidOperationException($"{path} is not a private key ({purpose}): {error}.");
        }

        OwnerOnlyFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        var created = EventSigningKey.Create();
        using (var writer = new StreamWriter(OwnerOnlyFiles.CreateNew(path)))
        {
            writer.Write(created.ToPrivateJwk());
            writer.Write('\n');
        }

        return created;
    }
}
