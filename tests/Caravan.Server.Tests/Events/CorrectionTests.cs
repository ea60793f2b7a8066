using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Events;

/// <summary>
/// A correction (<c>correctsEventID</c>) names an event already in the shipment's chain, or earlier in its batch, and
/// only the party that wrote that event may correct it: a carrier cannot "correct" customs' hold away.
/// </summary>
public sealed class CorrectionTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Fact]
    public async Task A_party_cannot_correct_another_partys_event()
    {
        var shipment = await record.NewShipmentAsync();
        var hold = EventApi.Event(shipment, "SHIPMENT", "HOLD", minute: 10);
        await EventApi.AppendAsync(record.Client("customsAuthority"), shipment, hold, record.Key("customsAuthority"));
        Assert.Equal("held", await StatusAsync(shipment));

        var arrival = EventApi.Event(shipment, "TRANSPORT", "ARRI", minute: 20);
        arrival["correctsEventID"] = hold["eventID"]!.GetValue<string>();
        var response = await EventApi.PostAsync(record.Client("carrier"), shipment, EventApi.Envelope(arrival, record.Key("carrier")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var detail = (await Api.ProblemAsync(response))["detail"]!.GetValue<string>();
        Assert.Contains($"is {RecordFixture.PartyOf("customsAuthority")}'s", detail, StringComparison.Ordinal);
        Assert.Contains("SHIPMENT HOLD ACT", detail, StringComparison.Ordinal);
        Assert.Equal("held", await StatusAsync(shipment));
        Assert.Single(await EntriesAsync(shipment));
    }

    [Fact]
    public async Task A_correction_naming_no_event_of_this_chain_is_refused_naming_the_field()
    {
        var shipment = await record.NewShipmentAsync();
        var other = await record.NewShipmentAsync();
        var elsewhere = EventApi.Event(other, "TRANSPORT", "ARRI");
        await EventApi.AppendAsync(record.Client("carrier"), other, elsewhere, record.Key("carrier"));

        foreach (var named in new[] { Guid.NewGuid().ToString(), elsewhere["eventID"]!.GetValue<string>() })
        {
            var correction = EventApi.Event(shipment, "TRANSPORT", "ARRI");
            correction["correctsEventID"] = named;
            var response = await EventApi.PostAsync(record.Client("carrier"), shipment, EventApi.Envelope(correction, record.Key("carrier")));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var message = (await Api.ProblemAsync(response))["errors"]!["$.event.correctsEventID"]![0]!.GetValue<string>();
            Assert.Contains("not in the chain", message, StringComparison.Ordinal);
        }

        Assert.Empty(await EntriesAsync(shipment));
    }

    [Fact]
    public async Task The_author_corrects_its_own_event_and_the_correction_replaces_it()
    {
        var shipment = await record.NewShipmentAsync();
        var arrival = EventApi.Event(shipment, "TRANSPORT", "ARRI", minute: 10);
        await EventApi.AppendAsync(record.Client("carrier"), shipment, arrival, record.Key("carrier"));
        Assert.Equal("atTerminal", await StatusAsync(shipment));

        var departure = EventApi.Event(shipment, "TRANSPORT", "DEPA", minute: 10);
        departure["correctsEventID"] = arrival["eventID"]!.GetValue<string>();
        await EventApi.AppendAsync(record.Client("carrier"), shipment, departure, record.Key("carrier"));

        Assert.Equal("inTransit", await StatusAsync(shipment));
    }

    [Fact]
    public async Task A_batch_may_correct_its_own_earlier_event_but_not_another_partys_and_then_records_nothing()
    {
        var shipment = await record.NewShipmentAsync();
        var hold = EventApi.Event(shipment, "SHIPMENT", "HOLD", minute: 5);
        await EventApi.AppendAsync(record.Client("customsAuthority"), shipment, hold, record.Key("customsAuthority"));

        var arrival = EventApi.Event(shipment, "TRANSPORT", "ARRI", minute: 10);
        var ownCorrection = EventApi.Event(shipment, "TRANSPORT", "ARRI", minute: 11);
        ownCorrection["correctsEventID"] = arrival["eventID"]!.GetValue<string>();
        var overHold = EventApi.Event(shipment, "TRANSPORT", "DEPA", minute: 12);
        overHold["correctsEventID"] = hold["eventID"]!.GetValue<string>();
        var key = record.Key("carrier");

        var refused = await EventApi.PostBatchAsync(record.Client("carrier"), shipment, [EventApi.Envelope(arrival, key), EventApi.Envelope(ownCorrection, key), EventApi.Envelope(overHold, key)]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("events[2]", (await Api.ProblemAsync(refused))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await EntriesAsync(shipment));

        var accepted = await EventApi.PostBatchAsync(record.Client("carrier"), shipment, [EventApi.Envelope(arrival, key), EventApi.Envelope(ownCorrection, key)]);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(3, (await EntriesAsync(shipment)).Count);
        Assert.Equal("held", await StatusAsync(shipment));
    }

    private async Task<string> StatusAsync(string shipment) =>
        (await record.Client("forwarder").GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}"))!["status"]!.GetValue<string>();

    private Task<JsonArray> EntriesAsync(string shipment) => EventApi.EntriesAsync(record.Client("forwarder"), shipment);
}
