using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Caravan.Core.Events;

namespace Caravan.Server.Tests.Events;

/// <summary>A signature that is not the author's registered key's over the event's canonical bytes is refused with a reason, and nothing is written.</summary>
public sealed class SignatureTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Fact]
    public async Task A_key_the_author_never_registered_is_refused()
    {
        using var unregistered = EventSigningKey.Create();

        var reason = await RefusedAsync(shipment => EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA"), unregistered));

        Assert.Contains($"Key {unregistered.Kid} is not registered to party steppe-rail", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_partys_registered_key_is_refused()
    {
        var reason = await RefusedAsync(shipment => EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA"), record.Key("terminalOperator")));

        Assert.Contains($"Key {record.Key("terminalOperator").Kid} is not registered to party steppe-rail", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_altered_after_signing_is_refused()
    {
        var reason = await RefusedAsync(shipment =>
        {
            var envelope = EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA"), record.Key("carrier"));
            envelope["event"]!["eventDateTime"] = "2026-12-04T06:00:00Z";
            return envelope;
        });

        Assert.Contains("does not verify over the event's canonical JSON", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_over_non_canonical_json_is_refused_and_the_reason_says_so()
    {
        var shipment = await record.SharedShipmentAsync();
        var before = await EventApi.CountAsync(record.Factory);
        var pretty = EventApi.Event(shipment, "TRANSPORT", "DEPA").ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var signature = DetachedJws.Sign(record.Key("carrier"), Encoding.UTF8.GetBytes(pretty));

        var response = await record.Client("carrier").PostAsync($"/api/shipments/{shipment}/events", EventApi.RawEnvelope(pretty, signature));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = (await Api.ProblemAsync(response))["errors"]!["$.signature"]![0]!.GetValue<string>();
        Assert.Contains("not its RFC 8785 canonical JSON", reason, StringComparison.Ordinal);
        Assert.Equal(before, await EventApi.CountAsync(record.Factory));
    }

    [Fact]
    public async Task Non_canonical_json_signed_in_its_canonical_form_is_accepted()
    {
        var shipment = await record.SharedShipmentAsync();
        var json = EventApi.Event(shipment, "TRANSPORT", "DEPA");
        var canonical = ShipmentEventJson.TryParse(Encoding.UTF8.GetBytes(json.ToJsonString())).Event!.CanonicalJson;
        var pretty = json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        var response = await record.Client("carrier").PostAsync(
            $"/api/shipments/{shipment}/events", EventApi.RawEnvelope(pretty, DetachedJws.Sign(record.Key("carrier"), canonical.Span)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("not-a-jws")]
    [InlineData("eyJhbGciOiJFZERTQSJ9..AAAA")]
    [InlineData("")]
    public async Task A_malformed_jws_is_refused(string signature)
    {
        var reason = await RefusedAsync(shipment => new JsonObject
        {
            ["event"] = EventApi.Event(shipment, "TRANSPORT", "DEPA"),
            ["signature"] = signature,
        });

        Assert.Contains("not a detached JWS", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_rs256_header_is_refused_as_an_unsupported_algorithm()
    {
        var reason = await RefusedAsync(shipment =>
        {
            var envelope = EventApi.Envelope(EventApi.Event(shipment, "TRANSPORT", "DEPA"), record.Key("carrier"));
            var parts = envelope["signature"]!.GetValue<string>().Split('.');
            var header = System.Buffers.Text.Base64Url.EncodeToString(Encoding.ASCII.GetBytes($$"""{"alg":"RS256","kid":"{{record.Key("carrier").Kid}}"}"""));
            envelope["signature"] = $"{header}..{parts[2]}";
            return envelope;
        });

        Assert.Contains("RS256", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_for_another_shipment_is_refused_at_its_shipmentID()
    {
        var shipment = await record.SharedShipmentAsync();
        var envelope = EventApi.Envelope(EventApi.Event("CRV-OTHER00000", "TRANSPORT", "DEPA"), record.Key("carrier"));

        var response = await EventApi.PostAsync(record.Client("carrier"), shipment, envelope);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Api.ProblemAsync(response))["errors"]!["$.event.shipmentID"]);
    }

    private async Task<string> RefusedAsync(Func<string, JsonObject> envelope)
    {
        var shipment = await record.SharedShipmentAsync();
        var before = await EventApi.CountAsync(record.Factory);

        var response = await EventApi.PostAsync(record.Client("carrier"), shipment, envelope(shipment));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Api.ProblemAsync(response);
        Assert.Equal(before, await EventApi.CountAsync(record.Factory));
        return problem["errors"]!["$.signature"]![0]!.GetValue<string>();
    }
}
