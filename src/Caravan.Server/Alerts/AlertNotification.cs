using System.Text.Json;
using System.Text.Json.Serialization;

namespace Caravan.Server.Alerts;

/// <summary>
/// The body of a webhook delivery and of a live <c>alert</c> event: what happened (<c>alert.opened</c>,
/// <c>alert.acknowledged</c>, <c>alert.resolved</c>) and the alert as it stood then.
/// </summary>
public sealed record AlertNotification([property: JsonPropertyName("event")] string Event, AlertResponse Alert)
{
    /// <summary>The JSON the server writes: camelCase, like the API.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}
