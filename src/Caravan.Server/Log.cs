namespace Caravan.Server;

/// <summary>Every log message of Caravan.Server, with stable event ids (2000–2999). Tokens are never logged, only token ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "No admin token was configured; generated admin token {TokenId} and printed it once")]
    public static partial void AdminTokenGenerated(ILogger logger, string tokenId);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "A bearer token was refused: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Registered party {PartyId} ({Kind})")]
    public static partial void PartyCreated(ILogger logger, string partyId, string kind);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Issued token {TokenId} for {Owner}")]
    public static partial void TokenIssued(ILogger logger, string tokenId, string owner);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Revoked token {TokenId}")]
    public static partial void TokenRevoked(ILogger logger, string tokenId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Party {PartyId} booked shipment {ShipmentId} on itinerary {ItineraryId}")]
    public static partial void ShipmentCreated(ILogger logger, string partyId, string shipmentId, string itineraryId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Party {PartyId} attached document {Sha256} ({Size} bytes) to shipment {ShipmentId}")]
    public static partial void DocumentAttached(ILogger logger, string partyId, string sha256, long size, string shipmentId);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}, trace id {TraceId}")]
    public static partial void UnhandledError(ILogger logger, string method, string path, string traceId, Exception exception);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "The corridor network in {Directory} could not be loaded: {Problem}")]
    public static partial void NetworkUnavailable(ILogger logger, string directory, string problem);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Planner ready: {Terminals} terminals, {Services} services, in {Seconds:F2} s")]
    public static partial void PlannerReady(ILogger logger, int terminals, int services, double seconds);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Party {PartyId} registered device {DeviceId} ({Kind})")]
    public static partial void DeviceRegistered(ILogger logger, string partyId, string deviceId, string kind);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Party {PartyId} registered {Count} devices in one batch")]
    public static partial void DevicesRegistered(ILogger logger, string partyId, int count);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Bound device {DeviceId} to container {Container} of shipment {ShipmentId}")]
    public static partial void DeviceBound(ILogger logger, string deviceId, string container, string shipmentId);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Unbound device {DeviceId} from shipment {ShipmentId}")]
    public static partial void DeviceUnbound(ILogger logger, string deviceId, string shipmentId);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Seeded the demo: {Parties} parties and {Shipments} shipments; their tokens are in {TokensPath}")]
    public static partial void DemoSeeded(ILogger logger, int parties, int shipments, string tokensPath);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "The demo was seeded in {DataDirectory} before; nothing seeded")]
    public static partial void DemoAlreadySeeded(ILogger logger, string dataDirectory);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "The demo was not seeded: {Reason}")]
    public static partial void DemoNotSeeded(ILogger logger, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "The demo story is recorded: {Keys} custodial keys registered and {Events} signed events of {Shipments} shipments appended")]
    public static partial void DemoStoryRecorded(ILogger logger, int keys, int events, int shipments);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Information, Message = "Demo trackers: booked {Shipments} simulated shipments with trackers and resumed {Resumed} still under way; replaying {Days} days at {Speed}x, then in real time")]
    public static partial void DemoTrackersStarted(ILogger logger, int shipments, int resumed, double days, double speed);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Demo trackers are not running: {Reason}")]
    public static partial void DemoTrackersNotRunning(ILogger logger, string reason);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Information, Message = "Demo trackers: every container has been delivered; {Readings} readings stored")]
    public static partial void DemoTrackersFinished(ILogger logger, long readings);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Warning, Message = "Demo trackers: readings of {Device} were not stored ({Reason}); sending them again")]
    public static partial void DemoTrackerReadingsRefused(ILogger logger, string device, string reason);

    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Telemetry from device {Device} rejected at {Field} ({Reason}): {Message}")]
    public static partial void ReadingRejected(ILogger logger, string device, string field, string reason, string message);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Telemetry from device {Device}: {Stored} readings stored, {Duplicates} duplicates, {Rejected} rejected")]
    public static partial void ReadingsStored(ILogger logger, string device, int stored, int duplicates, int rejected);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Telemetry refused: {Reason}")]
    public static partial void DeviceTokenRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2250, Level = LogLevel.Warning, Message = "The ingestion queue stayed full for {Timeout}; a submission was refused")]
    public static partial void IngestionQueueFull(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 2251, Level = LogLevel.Error, Message = "A batch of {Submissions} submissions ({Readings} readings) could not be stored; none was acknowledged")]
    public static partial void PipelineWriteFailed(ILogger logger, int submissions, int readings, Exception exception);

    [LoggerMessage(EventId = 2252, Level = LogLevel.Information, Message = "The ingestion pipeline stopped after writing every accepted reading")]
    public static partial void PipelineStopped(ILogger logger);

    [LoggerMessage(EventId = 2260, Level = LogLevel.Information, Message = "MQTT broker listening on {Address}:{Port}")]
    public static partial void MqttBrokerStarted(ILogger logger, string address, int port);

    [LoggerMessage(EventId = 2261, Level = LogLevel.Information, Message = "MQTT connection refused ({ReasonCode}) for user {UserName} from {Endpoint}: {Reason}")]
    public static partial void MqttConnectionRefused(ILogger logger, string reasonCode, string userName, string endpoint, string reason);

    [LoggerMessage(EventId = 2262, Level = LogLevel.Information, Message = "MQTT publish by device {Device} to {Topic} refused: {Reason}")]
    public static partial void MqttPublishRefused(ILogger logger, string device, string topic, string reason);

    [LoggerMessage(EventId = 2263, Level = LogLevel.Warning, Message = "MQTT telemetry from device {Device} was not stored and not acknowledged: {Reason}")]
    public static partial void MqttNotAcknowledged(ILogger logger, string device, string reason);

    [LoggerMessage(EventId = 2264, Level = LogLevel.Warning, Message = "MQTT packet of {Bytes} bytes from {Endpoint} refused: at most {Limit} are accepted; the connection was closed")]
    public static partial void MqttPacketTooLarge(ILogger logger, long bytes, string endpoint, int limit);

    [LoggerMessage(EventId = 2270, Level = LogLevel.Information, Message = "Subscribed to {Topic} on the external MQTT broker {Broker} as {ClientId} (session present: {SessionPresent})")]
    public static partial void MqttExternalSubscribed(ILogger logger, string topic, string broker, string clientId, bool sessionPresent);

    [LoggerMessage(EventId = 2271, Level = LogLevel.Warning, Message = "The external MQTT broker {Broker} is not reachable; retrying in {Delay}")]
    public static partial void MqttExternalUnreachable(ILogger logger, string broker, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 2272, Level = LogLevel.Warning, Message = "Disconnected from the external MQTT broker {Broker}: {Reason}")]
    public static partial void MqttExternalDisconnected(ILogger logger, string broker, string reason);

    [LoggerMessage(EventId = 2500, Level = LogLevel.Information, Message = "Alert {AlertId} opened: {Kind} on shipment {ShipmentId} ({Subject}): {Detail}")]
    public static partial void AlertOpened(ILogger logger, long alertId, string kind, string shipmentId, string subject, string detail);

    [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "Alert {AlertId} resolved: {Kind} on shipment {ShipmentId} ({Subject})")]
    public static partial void AlertResolved(ILogger logger, long alertId, string kind, string shipmentId, string subject);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Information, Message = "Alert {AlertId} acknowledged by {PartyId}")]
    public static partial void AlertAcknowledged(ILogger logger, long alertId, string partyId);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Error, Message = "The alert rules failed on a batch of readings; the readings are stored, the rules carry on with the next batch")]
    public static partial void AlertRulesFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Error, Message = "The device silence check failed; it runs again at the next interval")]
    public static partial void SilenceCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2510, Level = LogLevel.Information, Message = "Party {PartyId} registered webhook {WebhookId}")]
    public static partial void WebhookRegistered(ILogger logger, string partyId, string webhookId);

    [LoggerMessage(EventId = 2511, Level = LogLevel.Debug, Message = "Webhook delivery {DeliveryId} ({Event}) to {WebhookId} delivered at attempt {Attempts}")]
    public static partial void WebhookDelivered(ILogger logger, long deliveryId, string webhookId, string @event, int attempts);

    [LoggerMessage(EventId = 2512, Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} to {WebhookId} failed at attempt {Attempts} ({Error}); retrying at {RetryAt}")]
    public static partial void WebhookRetrying(ILogger logger, long deliveryId, string webhookId, int attempts, string error, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 2513, Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {WebhookId} given up after {Attempts} attempts ({Error})")]
    public static partial void WebhookGivenUp(ILogger logger, long deliveryId, string webhookId, int attempts, string error);

    [LoggerMessage(EventId = 2514, Level = LogLevel.Error, Message = "The webhook outbox could not be read or updated; retrying")]
    public static partial void WebhookOutboxFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2520, Level = LogLevel.Error, Message = "The live positions follower failed on a batch of readings; it carries on with the next")]
    public static partial void LivePositionsFailed(ILogger logger, Exception exception);
}
