namespace Caravan.Server.Errors;

/// <summary>
/// Endpoint metadata that sets the endpoint's request body limit in place of the JSON limit
/// (<see cref="Hosting.ServerOptions.MaxJsonBodyBytes"/>): the large-body limit
/// (<see cref="Hosting.ServerOptions.MaxDocumentBytes"/>, for uploads and event batches, streamed to the endpoint) or a
/// fixed size (read into memory first, like JSON).
/// </summary>
public sealed class BodyLimit
{
    private BodyLimit(long? bytes)
    {
        Bytes = bytes;
    }

    /// <summary>Bodies up to <see cref="Hosting.ServerOptions.MaxDocumentBytes"/>, handed to the endpoint as a stream.</summary>
    public static BodyLimit Large { get; } = new(null);

    /// <summary>The fixed limit in bytes, or null for <see cref="Large"/>.</summary>
    public long? Bytes { get; }

    /// <summary>Bodies up to <paramref name="bytes"/>.</summary>
    public static BodyLimit Of(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        return new BodyLimit(bytes);
    }
}
