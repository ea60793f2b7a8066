using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Caravan.Core.Events;

namespace Caravan.Server.Demo;

/// <summary>
/// Writes a demo event as DCSA T&amp;T JSON (docs/record.md §1), canonicalises it (RFC 8785) and signs it with its
/// author's key as a detached JWS, exactly as a party's own client would before posting it.
/// </summary>
internal static class DemoEventWriter
{
    public static DemoSignedEvent Sign(
        DemoDraft draft,
        EventClassifierCode classifier,
        DateTimeOffset createdAt,
        Guid eventId,
        DemoReferences references,
        bool noteIssued,
        EventSigningKey key)
    {
        var json = new JsonObject
        {
            ["eventID"] = eventId.ToString("D"),
            ["eventType"] = draft.Type.ToString(),
            ["eventClassifierCode"] = classifier.ToString(),
            ["eventDateTime"] = Text(draft.Time),
            ["eventCreatedDateTime"] = Text(createdAt),
            ["shipmentID"] = references.Shipment.Value,
            ["carrierBookingReference"] = references.Booking,
        };

        // The transport document's number exists once the forwarder has issued the CIM/SMGS note.
        if (noteIssued && draft.Time >= references.NoteIssuedAt)
        {
            json["transportDocumentReference"] = references.Note;
        }

        if (draft.Location is { } location)
        {
            json["eventLocation"] = new JsonObject { ["UNLocationCode"] = location.Value };
        }

        switch (draft.Type)
        {
            case EventType.SHIPMENT:
                json["shipmentEventTypeCode"] = draft.Code;
                json["documentTypeCode"] = draft.Document!.Value.ToString();
                json["documentID"] = draft.DocumentId;
                break;
            case EventType.TRANSPORT:
                json["transportEventTypeCode"] = draft.Code;
                json["transportCall"] = Call(draft.Call!);
                break;
            default:
                json["equipmentEventTypeCode"] = draft.Code;
                json["equipmentReference"] = references.Container.Value;
                json["emptyIndicatorCode"] = nameof(EmptyIndicatorCode.LADEN);
                if (draft.Call is { } call)
                {
                    json["transportCall"] = Call(call);
                }

                break;
        }

        var canonical = CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json.ToJsonString()));
        return new DemoSignedEvent(draft.Author, canonical, DetachedJws.Sign(key, canonical));
    }

    private static JsonObject Call(DemoCall call)
    {
        var json = new JsonObject
        {
            ["modeOfTransport"] = call.Mode.ToString(),
            ["UNLocationCode"] = call.Place.Value,
            ["facilityTypeCode"] = call.Facility.ToString(),
            ["transportCallReference"] = call.Reference,
        };
        if (call.RailService is { } service)
        {
            json["railService"] = service;
        }

        return json;
    }

    private static string Text(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
