using System.Text;
using System.Text.Json.Nodes;
using Caravan.Core.Events;

namespace Caravan.Core.Tests.Events;

/// <summary>Valid events of each family as editable JSON, for tests that change one field at a time.</summary>
internal static class SampleEvents
{
    public const string ShipmentId = "SHP-2026-0001";

    public static JsonObject Transport(string transportCode = "DEPA", string classifier = "ACT") => new()
    {
        ["eventID"] = "3f0c5b1e-8a7d-4d2c-9b1e-0a1b2c3d4e5f",
        ["eventType"] = "TRANSPORT",
        ["eventClassifierCode"] = classifier,
        ["eventDateTime"] = "2026-03-02T06:10:00+06:00",
        ["eventCreatedDateTime"] = "2026-03-02T00:15:00Z",
        ["shipmentID"] = ShipmentId,
        ["transportEventTypeCode"] = transportCode,
        ["transportCall"] = new JsonObject
        {
            ["modeOfTransport"] = "RAIL",
            ["UNLocationCode"] = "KZDSK",
            ["facilityTypeCode"] = "BOCR",
            ["transportCallReference"] = "KTZ-DSK-20260302-1",
            ["railService"] = "cr-xian-dostyk",
        },
        ["eventLocation"] = new JsonObject { ["UNLocationCode"] = "KZDSK" },
        ["carrierBookingReference"] = "XIAN0001",
    };

    public static JsonObject Equipment(string equipmentCode = "LOAD", string classifier = "ACT") => new()
    {
        ["eventID"] = "8d3e2f10-1c2b-4a5d-8e9f-112233445566",
        ["eventType"] = "EQUIPMENT",
        ["eventClassifierCode"] = classifier,
        ["eventDateTime"] = "2026-03-05T09:00:00+04:00",
        ["eventCreatedDateTime"] = "2026-03-05T05:01:30.250Z",
        ["shipmentID"] = ShipmentId,
        ["equipmentEventTypeCode"] = equipmentCode,
        ["equipmentReference"] = "CSQU3054383",
        ["emptyIndicatorCode"] = "LADEN",
        ["eventLocation"] = new JsonObject { ["UNLocationCode"] = "AZBAK" },
        ["transportCall"] = new JsonObject
        {
            ["modeOfTransport"] = "VESSEL",
            ["UNLocationCode"] = "AZBAK",
            ["facilityTypeCode"] = "POTE",
            ["transportCallReference"] = "ADY-ALAT-0305",
            ["vessel"] = new JsonObject { ["vesselIMONumber"] = "9282194", ["vesselName"] = "Professor Gul" },
        },
    };

    public static JsonObject Shipment(string shipmentCode = "HOLD", string documentType = "CUS") => new()
    {
        ["eventID"] = "0b6f0a4e-5d4c-4b3a-a291-8f7e6d5c4b3a",
        ["eventType"] = "SHIPMENT",
        ["eventClassifierCode"] = "ACT",
        ["eventDateTime"] = "2026-03-07T11:00:00+04:00",
        ["eventCreatedDateTime"] = "2026-03-07T11:00:00+04:00",
        ["shipmentID"] = ShipmentId,
        ["shipmentEventTypeCode"] = shipmentCode,
        ["documentTypeCode"] = documentType,
        ["documentID"] = "GE-CUS-77120",
        ["transportDocumentReference"] = "CIMSMGS-55001",
    };

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public static ShipmentEvent Parse(JsonNode node)
    {
        var result = ShipmentEventJson.TryParse(Bytes(node));
        return result.Event ?? throw new InvalidOperationException(string.Join("; ", result.Problems));
    }
}
