using Microsoft.Extensions.Logging;

namespace Caravan.Storage;

/// <summary>Every log message of Caravan.Storage, with stable event ids (1000–1999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Opened the database {Path}")]
    public static partial void DatabaseOpened(ILogger logger, string path);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied schema migration {Version}")]
    public static partial void MigrationApplied(ILogger logger, int version);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "The writer stopped after draining its queue")]
    public static partial void WriterStopped(ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "A batch of {Count} writes failed to commit")]
    public static partial void BatchCommitFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "A write request failed and was rolled back alone")]
    public static partial void WriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Refreshed the query planner's statistics after {Writes} writes")]
    public static partial void StatisticsRefreshed(ILogger logger, long writes);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Could not refresh the query planner's statistics; trying again later")]
    public static partial void StatisticsFailed(ILogger logger, Exception exception);
}
