using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Shipments;

namespace Caravan.Server.Tests.Events;

/// <summary><c>GET /v2/events</c>: DCSA T&amp;T v2.2 filters, and cursor paging that returns every event exactly once while events are appended.</summary>
public sealed class DcsaEventsTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Fact]
    public async Task Paging_returns_every_event_exactly_once_in_append_order_with_appends_between_pages()
    {
        var shipment = await record.NewShipmentAsync();
        var reference = "PAGE-" + shipment;
        var appended = new List<string>();
        async Task AppendAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var json = EventApi.Event(shipment, "EQUIPMENT", "GTIN", minute: appended.Count);
                json["carrierBookingReference"] = reference;
                appended.Add((await EventApi.AppendAsync(record.Client("terminalOperator"), shipment, json, record.Key("terminalOperator")))["eventID"]!.GetValue<string>());
            }
        }

        await AppendAsync(25);
        var seen = new List<string>();
        var url = $"/v2/events?carrierBookingReference={reference}&limit=10";
        var pages = 0;
        while (true)
        {
            var response = await record.Client("consignee").GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("2.2.0", response.Headers.GetValues("API-Version").Single());
            Assert.NotEmpty(response.Headers.GetValues("Current-Page").Single());
            seen.AddRange((await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(e => e!["eventID"]!.GetValue<string>()));
            pages++;
            if (pages == 1)
            {
                await AppendAsync(7);
            }

            if (!response.Headers.TryGetValues("Next-Page", out var next))
            {
                break;
            }

            url = $"/v2/events?carrierBookingReference={reference}&limit=10&cursor={next.Single()}";
        }

        Assert.Equal(32, appended.Count);
        Assert.Equal(appended, seen);
        Assert.Equal(4, pages);
    }

    public static TheoryData<string, string[]> Filters() => new()
    {
        { "eventType=TRANSPORT", ["depa", "arri"] },
        { "eventType=TRANSPORT,SHIPMENT", ["depa", "arri", "hold", "issu"] },
        { "transportEventTypeCode=ARRI", ["arri"] },
        { "shipmentEventTypeCode=HOLD,ISSU", ["hold", "issu"] },
        { "shipmentEventTypeCode=HOLD&shipmentEventTypeCode=ISSU", ["hold", "issu"] },
        { "equipmentEventTypeCode=GTIN", ["gtin"] },
        { "equipmentEventTypeCode=LOAD,GTIN&eventType=EQUIPMENT", ["load", "gtin"] },
        { "equipmentReference=CSQU3054383", ["load"] },
        { "transportDocumentReference=TD-1", ["hold"] },
        { "UNLocationCode=AZBAK", ["arri"] },
        { "eventCreatedDateTime:gte=2026-12-03T03:00:00Z&eventCreatedDateTime:lt=2026-12-03T05:00:00Z", ["load", "gtin"] },
        { "eventCreatedDateTime:gt=2026-12-03T05:00:00Z", ["issu"] },
        { "eventCreatedDateTime:lte=2026-12-03T04:00:00%2B02:00", ["depa", "arri"] },
        { "eventCreatedDateTime=2026-12-03T02:00:00Z", ["arri"] },
        { "eventCreatedDateTime:eq=2026-12-03T02:00:00Z", ["arri"] },
        { "shipmentEventTypeCode=HOLD&equipmentEventTypeCode=GTIN", [] },
        { "limit=1000", ["depa", "arri", "load", "gtin", "hold", "issu"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_selects_its_events(string query, string[] expected)
    {
        var (reference, ids) = await SixEventsAsync();

        var events = (await record.Client("forwarder").GetFromJsonAsync<JsonArray>($"/v2/events?carrierBookingReference={reference}&{query}"))!;

        Assert.Equal(expected.Select(e => ids[e]), events.Select(e => e!["eventID"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("UNLocationCode=KZ-DSK", "UNLocationCode")]
    [InlineData("equipmentReference=CSQU3054384", "equipmentReference")]
    [InlineData("eventType=PARCEL", "eventType")]
    [InlineData("transportEventTypeCode=GTIN", "transportEventTypeCode")]
    [InlineData("eventCreatedDateTime:gte=yesterday", "eventCreatedDateTime:gte")]
    [InlineData("eventCreatedDateTime:gte=2026-12-03T00:00:00", "eventCreatedDateTime:gte")]
    [InlineData("eventCreatedDateTime:after=2026-12-03T00:00:00Z", "eventCreatedDateTime:after")]
    [InlineData("vesselIMONumber=9282194", "vesselIMONumber")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    public async Task A_bad_parameter_is_a_problem_detail_naming_it(string query, string parameter)
    {
        var response = await record.Client("forwarder").GetAsync($"/v2/events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Api.ProblemAsync(response))["errors"]![parameter]);
    }

    [Fact]
    public async Task A_cursor_used_with_other_filters_is_refused()
    {
        var (reference, _) = await SixEventsAsync();
        var first = await record.Client("forwarder").GetAsync($"/v2/events?carrierBookingReference={reference}&limit=2");
        var cursor = first.Headers.GetValues("Next-Page").Single();

        var sameFilters = await record.Client("forwarder").GetAsync($"/v2/events?limit=3&carrierBookingReference={reference}&cursor={cursor}");
        var otherFilters = await record.Client("forwarder").GetAsync($"/v2/events?carrierBookingReference={reference}&eventType=SHIPMENT&cursor={cursor}");

        Assert.Equal(HttpStatusCode.OK, sameFilters.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherFilters.StatusCode);
        Assert.Contains("other filters", (await Api.ProblemAsync(otherFilters))["errors"]!["cursor"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_are_the_stored_dcsa_objects_byte_for_byte()
    {
        var (reference, _) = await SixEventsAsync();
        var shipmentEvents = (await record.Client("forwarder").GetFromJsonAsync<JsonArray>($"/v2/events?carrierBookingReference={reference}"))!;
        var shipment = shipmentEvents[0]!["shipmentID"]!.GetValue<string>();
        var entries = (await record.Client("forwarder").GetFromJsonAsync<JsonArray>($"/api/shipments/{shipment}/events"))!;

        Assert.Equal(entries.Select(e => e!["event"]!.ToJsonString()), shipmentEvents.Select(e => e!.ToJsonString()));
    }

    // Six events of one new shipment, one of each kind the filters tell apart, created an hour apart from 01:00.
    private async Task<(string Reference, Dictionary<string, string> Ids)> SixEventsAsync()
    {
        var other = ContainerNumber.Create("MSK", 'U', 123456).Value;
        var shipment = await record.NewShipmentAsync(other);
        var reference = "F-" + shipment;
        var specs = new (string Name, string Role, string Type, string Code, string Place, string? Container, string? Document)[]
        {
            ("depa", "carrier", "TRANSPORT", "DEPA", "KZDSK", null, null),
            ("arri", "carrier", "TRANSPORT", "ARRI", "AZBAK", null, null),
            ("load", "carrier", "EQUIPMENT", "LOAD", "KZDSK", "CSQU3054383", null),
            ("gtin", "terminalOperator", "EQUIPMENT", "GTIN", "KZDSK", other, null),
            ("hold", "customsAuthority", "SHIPMENT", "HOLD", "KZDSK", null, "TD-1"),
            ("issu", "forwarder", "SHIPMENT", "ISSU", "KZDSK", null, null),
        };
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < specs.Length; i++)
        {
            var s = specs[i];
            var json = EventApi.Event(shipment, s.Type, s.Code, place: s.Place, minute: i);
            json["eventCreatedDateTime"] = $"2026-12-03T{i + 1:D2}:00:00Z";
            json["carrierBookingReference"] = reference;
            if (s.Container is not null)
            {
                json["equipmentReference"] = s.Container;
            }

            if (s.Document is not null)
            {
                json["transportDocumentReference"] = s.Document;
            }

            ids[s.Name] = (await EventApi.AppendAsync(record.Client(s.Role), shipment, json, record.Key(s.Role)))["eventID"]!.GetValue<string>();
        }

        return (reference, ids);
    }
}
