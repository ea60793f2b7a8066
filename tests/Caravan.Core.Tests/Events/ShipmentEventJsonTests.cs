using System.Text;
using System.Text.Json.Nodes;
using Caravan.Core.Events;
using Caravan.Core.Geography;
using Caravan.Core.Shipments;

namespace Caravan.Core.Tests.Events;

public sealed class ShipmentEventJsonTests
{
    [Fact]
    public void A_transport_event_reads_into_its_DCSA_fields()
    {
        var e = SampleEvents.Parse(SampleEvents.Transport());

        Assert.Equal(Guid.Parse("3f0c5b1e-8a7d-4d2c-9b1e-0a1b2c3d4e5f"), e.EventId);
        Assert.Equal(EventType.TRANSPORT, e.EventType);
        Assert.Equal(EventClassifierCode.ACT, e.EventClassifierCode);
        Assert.Equal(TransportEventTypeCode.DEPA, e.TransportEventTypeCode);
        Assert.Equal("DEPA", e.TypeCode);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 6, 10, 0, TimeSpan.FromHours(6)), e.EventDateTime);
        Assert.Equal(TimeSpan.FromHours(6), e.EventDateTime.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 15, 0, TimeSpan.Zero), e.EventCreatedDateTime);
        Assert.Equal(SampleEvents.ShipmentId, e.ShipmentId);
        Assert.Equal(
            new TransportCall(ModeOfTransport.RAIL, Locode.Parse("KZDSK"), FacilityTypeCode.BOCR, "KTZ-DSK-20260302-1", null, null, null, "cr-xian-dostyk"),
            e.TransportCall);
        Assert.Equal(Locode.Parse("KZDSK"), e.EventLocation);
        Assert.Equal("XIAN0001", e.CarrierBookingReference);
        Assert.Null(e.EquipmentReference);
        Assert.Null(e.ShipmentEventTypeCode);
        Assert.Null(e.CorrectsEventId);
    }

    [Fact]
    public void An_equipment_event_reads_its_container_and_vessel_call()
    {
        var e = SampleEvents.Parse(SampleEvents.Equipment());

        Assert.Equal(EquipmentEventTypeCode.LOAD, e.EquipmentEventTypeCode);
        Assert.Equal(ContainerNumber.Parse("CSQU3054383"), e.EquipmentReference);
        Assert.Equal(EmptyIndicatorCode.LADEN, e.EmptyIndicatorCode);
        Assert.Equal("9282194", e.TransportCall!.VesselIMONumber);
        Assert.Equal("Professor Gul", e.TransportCall.VesselName);
        Assert.Equal(ModeOfTransport.VESSEL, e.TransportCall.ModeOfTransport);
    }

    [Fact]
    public void A_shipment_event_reads_its_document()
    {
        var e = SampleEvents.Parse(SampleEvents.Shipment());

        Assert.Equal(ShipmentEventTypeCode.HOLD, e.ShipmentEventTypeCode);
        Assert.Equal(DocumentTypeCode.CUS, e.DocumentTypeCode);
        Assert.Equal("GE-CUS-77120", e.DocumentId);
        Assert.Equal("CIMSMGS-55001", e.TransportDocumentReference);
        Assert.Equal("HOLD", e.TypeCode);
    }

    [Fact]
    public void A_correction_names_the_event_it_corrects()
    {
        var json = SampleEvents.Transport();
        json["correctsEventID"] = "8d3e2f10-1c2b-4a5d-8e9f-112233445566";

        Assert.Equal(Guid.Parse("8d3e2f10-1c2b-4a5d-8e9f-112233445566"), SampleEvents.Parse(json).CorrectsEventId);
    }

    [Fact]
    public void The_event_keeps_its_canonical_JSON_whatever_the_member_order_and_spacing_sent()
    {
        var json = SampleEvents.Equipment();
        var reordered = new JsonObject(json.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var spaced = Encoding.UTF8.GetBytes(reordered.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        var e = ShipmentEventJson.TryParse(spaced).Event!;

        Assert.Equal(CanonicalJson.Canonicalize(SampleEvents.Bytes(json)), e.CanonicalJson.ToArray());
        Assert.True(CanonicalJson.IsCanonical(e.CanonicalJson));
        Assert.StartsWith("{\"emptyIndicatorCode\":\"LADEN\",\"equipmentEventTypeCode\":\"LOAD\"", Encoding.UTF8.GetString(e.CanonicalJson.Span), StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<JsonObject>, string, string> Faults() => new()
    {
        { "transport", j => j["eventType"] = "ARRIVAL", "$.eventType", "'ARRIVAL' is not one of SHIPMENT, TRANSPORT, EQUIPMENT" },
        { "transport", j => j["eventType"] = "transport", "$.eventType", "is not one of" },
        { "transport", j => j["eventClassifierCode"] = "1", "$.eventClassifierCode", "'1' is not one of PLN, EST, ACT" },
        { "transport", j => j["transportEventTypeCode"] = "LOAD", "$.transportEventTypeCode", "'LOAD' is not one of ARRI, DEPA" },
        { "equipment", j => j["equipmentEventTypeCode"] = "ARRI", "$.equipmentEventTypeCode", "'ARRI' is not one of LOAD" },
        { "shipment", j => j["shipmentEventTypeCode"] = "CANC", "$.shipmentEventTypeCode", "'CANC' is not one of" },
        { "shipment", j => j["documentTypeCode"] = "CUC", "$.documentTypeCode", "'CUC' is not one of" },
        { "equipment", j => j["transportEventTypeCode"] = "ARRI", "$.transportEventTypeCode", "is a field of TRANSPORT events, not of EQUIPMENT events" },
        { "transport", j => j["equipmentReference"] = "CSQU3054383", "$.equipmentReference", "is a field of EQUIPMENT events, not of TRANSPORT events" },
        { "shipment", j => j["transportCall"] = new JsonObject(), "$.transportCall", "not of SHIPMENT events" },
        { "shipment", j => j["eventClassifierCode"] = "EST", "$.eventClassifierCode", "a SHIPMENT event is ACT, not EST" },
        { "transport", j => j["transportCall"]!["UNLocationCode"] = "KZDS1", "$.transportCall.UNLocationCode", "'KZDS1' is not a UN/LOCODE" },
        { "transport", j => j["transportCall"]!["UNLocationCode"] = "kzdsk", "$.transportCall.UNLocationCode", "upper case" },
        { "transport", j => j["eventLocation"]!["UNLocationCode"] = "KZ DSK", "$.eventLocation.UNLocationCode", "is not a UN/LOCODE" },
        { "transport", j => j["transportCall"]!["modeOfTransport"] = "FERRY", "$.transportCall.modeOfTransport", "'FERRY' is not one of VESSEL, RAIL, TRUCK, BARGE" },
        { "transport", j => j["transportCall"]!["facilityTypeCode"] = "COYA", "$.transportCall.facilityTypeCode", "'COYA' is not one of" },
        { "transport", j => j["transportCall"]!.AsObject().Remove("transportCallReference"), "$.transportCall.transportCallReference", "is required" },
        { "transport", j => j["transportCall"]!["vessel"] = new JsonObject { ["vesselIMONumber"] = "9282194" }, "$.transportCall.vessel", "a RAIL transport call has no vessel" },
        { "equipment", j => j["transportCall"]!["vessel"]!["vesselIMONumber"] = "92821", "$.transportCall.vessel.vesselIMONumber", "7-digit IMO number" },
        { "equipment", j => j["transportCall"]!["carrierServiceCode"] = "TOOLONG", "$.transportCall.carrierServiceCode", "1 to 5 characters" },
        { "transport", j => j.Remove("transportCall"), "$.transportCall", "is required" },
        { "equipment", j => j["equipmentReference"] = "CSQU3054384", "$.equipmentReference", "check digit of CSQU305438 is 3, not 4" },
        { "equipment", j => j["equipmentReference"] = "CSQU 305438 3", "$.equipmentReference", "write the container number as CSQU3054383" },
        { "equipment", j => j["equipmentReference"] = "ABC", "$.equipmentReference", "an ISO 6346 container number has 11" },
        { "equipment", j => j.Remove("equipmentReference"), "$.equipmentReference", "is required" },
        { "equipment", j => j["emptyIndicatorCode"] = "FULL", "$.emptyIndicatorCode", "'FULL' is not one of EMPTY, LADEN" },
        { "shipment", j => j.Remove("documentID"), "$.documentID", "is required" },
        { "transport", j => j.Remove("eventID"), "$.eventID", "is required" },
        { "transport", j => j["eventID"] = "3F0C5B1E-8A7D-4D2C-9B1E-0A1B2C3D4E5F", "$.eventID", "lower-case 8-4-4-4-12" },
        { "transport", j => j["eventID"] = 42, "$.eventID", "must be a string, not number" },
        { "transport", j => j["eventID"] = null, "$.eventID", "must be a string, not null" },
        { "transport", j => j["correctsEventID"] = "3f0c5b1e-8a7d-4d2c-9b1e-0a1b2c3d4e5f", "$.correctsEventID", "cannot correct itself" },
        { "transport", j => j.Remove("shipmentID"), "$.shipmentID", "is required" },
        { "transport", j => j["shipmentID"] = "", "$.shipmentID", "1 to 100 characters" },
        { "transport", j => j["shipmentID"] = new string('S', 101), "$.shipmentID", "1 to 100 characters, not 101" },
        { "transport", j => j["eventDateTime"] = "2026-03-02T06:10:00", "$.eventDateTime", "with seconds and an offset" },
        { "transport", j => j["eventDateTime"] = "2026-03-02 06:10:00Z", "$.eventDateTime", "is not an ISO 8601 date-time" },
        { "transport", j => j["eventCreatedDateTime"] = "2026-02-30T00:00:00Z", "$.eventCreatedDateTime", "is not an ISO 8601 date-time" },
        { "transport", j => j["eventCreatedDateTime"] = "yesterday", "$.eventCreatedDateTime", "is not an ISO 8601 date-time" },
        { "transport", j => j.Remove("eventCreatedDateTime"), "$.eventCreatedDateTime", "is required" },
        { "transport", j => j["seals"] = new JsonArray(), "$.seals", "is not a field of a Caravan event" },
        { "transport", j => j["transportCall"]!["vesselName"] = "Flat", "$.transportCall.vesselName", "is not a field" },
        { "transport", j => j["carrierBookingReference"] = "B\nX", "$.carrierBookingReference", "control characters" },
        { "transport", j => j["eventLocation"] = "KZDSK", "$.eventLocation", "must be an object, not string" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Each_fault_is_reported_naming_the_field(string family, Action<JsonObject> spoil, string field, string message)
    {
        var json = family switch
        {
            "transport" => SampleEvents.Transport(),
            "equipment" => SampleEvents.Equipment(),
            _ => SampleEvents.Shipment(),
        };
        spoil(json);

        var result = ShipmentEventJson.TryParse(SampleEvents.Bytes(json));

        Assert.False(result.Succeeded);
        Assert.Null(result.Event);
        Assert.Contains(result.Problems, p => p.Field == field && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var json = SampleEvents.Equipment();
        json["equipmentReference"] = "CSQU3054384";
        json["eventLocation"]!["UNLocationCode"] = "XX1";
        json["eventDateTime"] = "2026-03-05";

        var fields = ShipmentEventJson.TryParse(SampleEvents.Bytes(json)).Problems.Select(p => p.Field).ToList();

        Assert.Equal(["$.eventDateTime", "$.eventLocation.UNLocationCode", "$.equipmentReference"], fields);
    }

    [Theory]
    [InlineData("", "$", "not JSON")]
    [InlineData("{\"eventID\":", "$", "not JSON")]
    [InlineData("[1,2]", "$", "an event is a JSON object")]
    [InlineData("{\"eventType\":\"SHIPMENT\",\"eventType\":\"SHIPMENT\"}", "$.eventType", "more than once")]
    [InlineData("{\"x\":1e999}", "$.x", "IEEE 754")]
    public void Text_that_is_not_an_event_object_is_one_problem(string text, string field, string message)
    {
        var problem = Assert.Single(ShipmentEventJson.TryParse(Encoding.UTF8.GetBytes(text)).Problems);

        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal($"{field}: {problem.Message}", problem.ToString());
    }
}
