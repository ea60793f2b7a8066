using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Caravan.Core.Events;
using Caravan.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Tests.Events;

/// <summary>Events for tests: DCSA JSON of each family for a shipment, signed envelopes, posting, and key registration.</summary>
public static class EventApi
{
    /// <summary>
    /// When <see cref="Event"/>'s events happen (plus their minute): three hours before <see cref="CaravanFactory"/>'s
    /// clock starts, so an actual event has happened by the server's clock.
    /// </summary>
    public static readonly DateTimeOffset At = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    /// <summary>A valid event of <paramref name="type"/> with <paramref name="code"/>, at <paramref name="place"/>, with a fresh eventID.</summary>
    public static JsonObject Event(string shipmentId, string type, string code, string classifier = "ACT", string place = "KZDSK", int minute = 0)
    {
        var json = new JsonObject
        {
            ["eventID"] = Guid.NewGuid().ToString(),
            ["eventType"] = type,
            ["eventClassifierCode"] = classifier,
            ["eventDateTime"] = At.AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["eventCreatedDateTime"] = "2026-12-03T06:05:00Z",
            ["shipmentID"] = shipmentId,
            ["eventLocation"] = new JsonObject { ["UNLocationCode"] = place },
        };
        switch (type)
        {
            case "SHIPMENT":
                json["shipmentEventTypeCode"] = code;
                json["documentTypeCode"] = code is "HOLD" or "RELS" ? "CUS" : "TRD";
                json["documentID"] = "DOC-1";
                break;
            case "TRANSPORT":
                json["transportEventTypeCode"] = code;
                json["transportCall"] = Call(place);
                break;
            default:
                json["equipmentEventTypeCode"] = code;
                json["equipmentReference"] = "CSQU3054383";
                json["emptyIndicatorCode"] = "LADEN";
                json["transportCall"] = Call(place);
                break;
        }

        return json;
    }

    public static JsonObject Call(string place) => new()
    {
        ["modeOfTransport"] = "RAIL",
        ["UNLocationCode"] = place,
        ["facilityTypeCode"] = "BOCR",
        ["transportCallReference"] = "CALL-" + place,
    };

    /// <summary>The envelope <c>caravan event sign</c> prints: the canonical event and the detached JWS over it.</summary>
    public static JsonObject Envelope(JsonObject eventJson, EventSigningKey key)
    {
        var parsed = ShipmentEventJson.TryParse(Encoding.UTF8.GetBytes(eventJson.ToJsonString()));
        var canonical = parsed.Event?.CanonicalJson.ToArray() ?? Encoding.UTF8.GetBytes(eventJson.ToJsonString());
        return new JsonObject
        {
            ["event"] = JsonNode.Parse(canonical),
            ["signature"] = DetachedJws.Sign(key, canonical),
        };
    }

    /// <summary>An envelope whose signature covers exactly these event bytes, canonical or not.</summary>
    public static StringContent RawEnvelope(string eventText, string signature) =>
        new($$"""{"event":{{eventText}},"signature":"{{signature}}"}""", Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string shipmentId, JsonObject envelope) =>
        client.PostAsync($"/api/shipments/{shipmentId}/events", Api.Json(envelope));

    /// <summary>Posts <paramref name="envelopes"/> as one batch (<c>POST …/events/batch</c>).</summary>
    public static Task<HttpResponseMessage> PostBatchAsync(HttpClient client, string shipmentId, JsonArray envelopes) =>
        client.PostAsync($"/api/shipments/{shipmentId}/events/batch", Api.Json(new JsonObject { ["events"] = envelopes }));

    /// <summary>Signs and posts; asserts 201 and returns the entry.</summary>
    public static async Task<JsonObject> AppendAsync(HttpClient client, string shipmentId, JsonObject eventJson, EventSigningKey key)
    {
        var response = await PostAsync(client, shipmentId, Envelope(eventJson, key));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Makes a key and registers its public half to the party behind <paramref name="client"/>.</summary>
    public static async Task<EventSigningKey> RegisterKeyAsync(HttpClient client, string partyId)
    {
        var key = EventSigningKey.Create();
        var response = await client.PostAsync($"/api/parties/{partyId}/keys", new StringContent(key.PublicKey.ToJwk(), Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return key;
    }

    /// <summary>The shipment's chain entries as <c>GET /api/shipments/{id}/events</c> lists them.</summary>
    public static async Task<JsonArray> EntriesAsync(HttpClient client, string shipmentId) =>
        (await client.GetFromJsonAsync<JsonArray>($"/api/shipments/{shipmentId}/events"))!;

    public static Task<long> CountAsync(CaravanFactory factory) => factory.Services.GetRequiredService<IEventStore>().CountAsync(CancellationToken.None);
}
