namespace Caravan.Server;

/// <summary>The progress worker's log messages (event ids 2300–2349).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Progress: {Code} of shipment {ShipmentId} at {Terminal} from device {Device} recorded")]
    public static partial void ProgressRecorded(ILogger logger, string code, string shipmentId, string terminal, string device);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Progress: the platform's event for shipment {ShipmentId} was not recorded ({Outcome}): {Problems}")]
    public static partial void ProgressEventRefused(ILogger logger, string shipmentId, string outcome, string problems);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Progress: readings of device {Device} could not be followed")]
    public static partial void ProgressFailed(ILogger logger, string device, Exception exception);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "Progress: shipment {ShipmentId} cannot be followed: {Reason}")]
    public static partial void ProgressUnavailable(ILogger logger, string shipmentId, string reason);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Error, Message = "Progress: a listener failed on {Notice} for shipment {ShipmentId}")]
    public static partial void ProgressListenerFailed(ILogger logger, string notice, string shipmentId, Exception exception);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Error, Message = "Progress: the bindings of a batch of {Count} readings could not be read; the batch is skipped")]
    public static partial void ProgressBatchFailed(ILogger logger, int count, Exception exception);
}
