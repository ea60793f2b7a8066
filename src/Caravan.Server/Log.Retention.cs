namespace Caravan.Server;

/// <summary>The retention worker's log messages (event ids 2400–2409).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Retention: {Devices} devices looked at; {Downsampled} readings thinned out by downsampling, {Expired} deleted past their horizon")]
    public static partial void RetentionApplied(ILogger logger, int devices, int downsampled, int expired);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Error, Message = "Retention: the pass failed; it runs again at the next interval")]
    public static partial void RetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "Retention: party {PartyId} now keeps readings at full rate for {FullRateDays} days, then one per {DownsampleMinutes} min, deleted after {DeleteAfter}")]
    public static partial void RetentionSet(ILogger logger, string partyId, int fullRateDays, int downsampleMinutes, string deleteAfter);
}
