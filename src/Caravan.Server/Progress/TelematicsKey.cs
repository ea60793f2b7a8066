using Caravan.Core.Events;
using Caravan.Server.Keys;
using Caravan.Storage.Sqlite;

namespace Caravan.Server.Progress;

/// <summary>
/// The platform's telematics key: the Ed25519 key with which party <c>caravan</c> signs, as author, the events it
/// derives from trackers (arrivals, departures, estimates). Read from <c>DATA/telematics.key.jwk</c>, or made and
/// written there (mode 0600) at first start, and registered to party <c>caravan</c> like any party's key. It is not
/// the key that seals entries (<see cref="PlatformKeys"/>): an observation's author and the chain's notary stay
/// distinct, and this key can be replaced without touching the seals.
/// </summary>
public sealed class TelematicsKey : IDisposable
{
    /// <summary>The key file's name inside the data directory.</summary>
    public const string FileName = "telematics.key.jwk";

    public TelematicsKey(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        FilePath = Path.Combine(database.DataDirectory, FileName);
        Signing = PlatformKeys.LoadOrCreate(FilePath, "the key that signs the platform's telematics events");
    }

    /// <summary>The absolute path of the key file.</summary>
    public string FilePath { get; }

    /// <summary>The private key that signs the platform's events as their author.</summary>
    public EventSigningKey Signing { get; }

    /// <summary>The public key, registered to party <c>caravan</c>.</summary>
    public EventPublicKey Public => Signing.PublicKey;

    public void Dispose() => Signing.Dispose();
}
