namespace Caravan.Server.Telemetry;

/// <summary>
/// The pipeline could not take or store readings: its queue stayed full past the enqueue timeout, the server is
/// stopping, or the store failed. Nothing was acknowledged; the sender should retry (HTTP 503, MQTT no PUBACK).
/// </summary>
public sealed class IngestionUnavailableException : Exception
{
    public IngestionUnavailableException()
    {
    }

    public IngestionUnavailableException(string message)
        : base(message)
    {
    }

    public IngestionUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
