namespace Caravan.Storage;

/// <summary>
/// The database cannot be used by this build of Caravan: its schema is newer than the migrations this build knows,
/// or a migration failed. Thrown at start-up so the server refuses to run rather than misread the data.
/// </summary>
public sealed class StorageSchemaException : Exception
{
    public StorageSchemaException()
    {
    }

    public StorageSchemaException(string message)
        : base(message)
    {
    }

    public StorageSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
