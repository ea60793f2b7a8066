using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Server.Webhooks;
using static Caravan.Server.Tests.Alerts.Tracking;

namespace Caravan.Server.Tests.Alerts;

/// <summary>
/// Webhooks: registered per party, deliveries of alert changes signed with HMAC-SHA256, retried with back-off, and kept
/// across a restart. The receivers listen on loopback, so these servers allow private addresses.
/// </summary>
public sealed class WebhookTests(LoopbackWebhookFixture server) : IClassFixture<LoopbackWebhookFixture>
{
    /// <summary>The setting that lets webhooks point at the tests' loopback receivers.</summary>
    public static IReadOnlyDictionary<string, string?> AllowLoopback { get; } =
        new Dictionary<string, string?> { ["Caravan:Webhooks:AllowPrivateAddresses"] = "true" };

    private DateTimeOffset Now => server.Factory.Clock.GetUtcNow();

    [Fact]
    public async Task An_alert_is_delivered_signed_to_every_party_on_the_shipment_and_retried_with_back_off_until_accepted()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        var secret = await RegisterAsync(server.Consignee, receiver.Url, "consignee-secret-0123456789");
        var shipment = await BookAsync(server.Forwarder);
        var t0 = Now.AddHours(-1);
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-hook", shipment, t0.AddHours(-1));

        await ReportAsync(device, Reading(t0, EnRoute, shock: 8));
        await EventuallyAsync(() => Task.FromResult(receiver.Received.Count >= 1 ? receiver : null), "the first attempt");

        // The attempt is recorded after its answer arrives: wait for the record, not only for the request.
        var pending = await EventuallyAsync(async () => (await DeliveriesAsync(server.Consignee, secret.Id)) is { } d && d["attempts"]!.GetValue<int>() == 1 ? d : null, "the first attempt recorded");
        Assert.Equal("pending", pending["state"]!.GetValue<string>());
        Assert.Equal(1, pending["attempts"]!.GetValue<int>());
        Assert.Equal(500, pending["lastStatus"]!.GetValue<int>());
        Assert.Equal(Now.AddSeconds(10), pending["nextAttemptAt"]!.GetValue<DateTimeOffset>());

        server.Factory.Clock.Advance(TimeSpan.FromSeconds(10));
        await EventuallyAsync(() => Task.FromResult(receiver.Received.Count >= 2 ? receiver : null), "the second attempt");
        var retried = await EventuallyAsync(async () => (await DeliveriesAsync(server.Consignee, secret.Id)) is { } d && d["attempts"]!.GetValue<int>() == 2 ? d : null, "the second attempt recorded");
        Assert.Equal(Now.AddSeconds(20), retried["nextAttemptAt"]!.GetValue<DateTimeOffset>());

        server.Factory.Clock.Advance(TimeSpan.FromSeconds(20));
        await EventuallyAsync(async () => (await DeliveriesAsync(server.Consignee, secret.Id))?["state"]!.GetValue<string>() == "delivered" ? receiver : null, "the delivery");

        var attempts = receiver.Received.ToList();
        Assert.Equal([500, 500, 204], attempts.Select(a => a.Answer));
        Assert.Single(attempts.Select(a => a.Headers[WebhookSignature.DeliveryHeader]).Distinct());
        foreach (var (headers, body, _) in attempts)
        {
            Assert.True(WebhookSignature.Verify(secret.Secret, body, headers[WebhookSignature.Header]), "the signature verifies over the body");
            Assert.Equal("alert.opened", headers[WebhookSignature.EventHeader]);
            Assert.StartsWith("application/json", headers["Content-Type"], StringComparison.Ordinal);
        }

        var notification = JsonNode.Parse(attempts[^1].Body)!;
        Assert.Equal("alert.opened", notification["event"]!.GetValue<string>());
        Assert.Equal(shipment, notification["alert"]!["shipment"]!.GetValue<string>());
        Assert.Equal("shock", notification["alert"]!["kind"]!.GetValue<string>());
        Assert.False(WebhookSignature.Verify("another-secret-0123456789", attempts[^1].Body, attempts[^1].Headers[WebhookSignature.Header]));
    }

    [Fact]
    public async Task A_party_without_a_role_gets_no_delivery_and_sees_only_its_own_webhooks()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0);
        var outsider = await RegisterAsync(server.OtherForwarder, receiver.Url, null);
        Assert.StartsWith("whsec_", outsider.Secret, StringComparison.Ordinal);
        await using var ownReceiver = await WebhookReceiver.StartAsync(failFirst: 0);
        var own = await RegisterAsync(server.Forwarder, ownReceiver.Url, null);
        var shipment = await BookAsync(server.Forwarder);
        var t0 = Now.AddHours(-1);
        using var device = await BoundDeviceAsync(server.Factory, server.Forwarder, "trk-hook-private", shipment, t0.AddHours(-1));

        await ReportAsync(device, Reading(t0, EnRoute, shock: 8));
        await EventuallyAsync(async () => (await DeliveriesAsync(server.Forwarder, own.Id))?["state"]!.GetValue<string>() == "delivered" ? ownReceiver : null, "the forwarder's delivery");

        Assert.Empty(receiver.Received);
        Assert.Empty((await server.OtherForwarder.GetFromJsonAsync<JsonArray>($"/api/webhooks/{outsider.Id}/deliveries"))!);
        Assert.DoesNotContain(await server.OtherForwarder.GetFromJsonAsync<JsonArray>("/api/webhooks") ?? [], w => w!["id"]!.GetValue<string>() == own.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await server.OtherForwarder.GetAsync($"/api/webhooks/{own.Id}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.OtherForwarder.DeleteAsync($"/api/webhooks/{own.Id}")).StatusCode);
        var listed = (await server.Forwarder.GetFromJsonAsync<JsonArray>("/api/webhooks"))!;
        Assert.Contains(listed, w => w!["id"]!.GetValue<string>() == own.Id && w["secret"] is null);

        Assert.Equal(HttpStatusCode.NoContent, (await server.Forwarder.DeleteAsync($"/api/webhooks/{own.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Forwarder.GetAsync($"/api/webhooks/{own.Id}/deliveries")).StatusCode);
    }

    [Fact]
    public async Task A_bad_webhook_is_refused_naming_each_field()
    {
        var response = await server.Forwarder.PostAsync("/api/webhooks", Api.Json(new JsonObject { ["url"] = "ftp://example.org/hook", ["secret"] = "short" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Api.ProblemAsync(response))["errors"]!.AsObject();
        Assert.Equal(["$.secret", "$.url"], errors.Select(e => e.Key).Order());
        var missing = await server.Forwarder.PostAsync("/api/webhooks", Api.Json(new JsonObject()));
        Assert.NotNull((await Api.ProblemAsync(missing))["errors"]!["$.url"]);
        var relative = await server.Forwarder.PostAsync("/api/webhooks", Api.Json(new JsonObject { ["url"] = "/hook" }));
        Assert.Equal(HttpStatusCode.BadRequest, relative.StatusCode);
    }

    [Fact]
    public async Task A_delivery_pending_when_the_server_stops_is_made_after_it_starts_again()
    {
        using var directory = new TempDirectory();
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 1);
        string forwarderToken;
        (string Id, string Secret) webhook;
        await using (var factory = new CaravanFactory(directory.Path, AllowLoopback))
        {
            (var forwarder, forwarderToken) = await factory.PartyAsync("fwd-restart", "forwarder");
            await factory.PartyAsync("xian-shipper", "shipper");
            await factory.PartyAsync("dui-consignee", "consignee", "DE");
            webhook = await RegisterAsync(forwarder, receiver.Url, "restart-secret-0123456789");
            var shipment = await BookAsync(forwarder);
            var t0 = factory.Clock.GetUtcNow().AddHours(-1);
            using var device = await BoundDeviceAsync(factory, forwarder, "trk-hook-restart", shipment, t0.AddHours(-1));
            await ReportAsync(device, Reading(t0, EnRoute, shock: 8));
            await EventuallyAsync(async () => (await DeliveriesAsync(forwarder, webhook.Id))?["attempts"]!.GetValue<int>() == 1 ? forwarder : null, "the failed first attempt");
        }

        await using (var restarted = new CaravanFactory(directory.Path, AllowLoopback))
        {
            using var forwarder = restarted.WithToken(forwarderToken);
            restarted.Clock.Advance(TimeSpan.FromSeconds(10));
            var delivered = await EventuallyAsync(async () => (await DeliveriesAsync(forwarder, webhook.Id)) is { } d && d["state"]!.GetValue<string>() == "delivered" ? d : null, "the delivery after the restart");
            Assert.Equal(2, delivered["attempts"]!.GetValue<int>());
        }

        Assert.Equal([500, 204], receiver.Received.Select(r => r.Answer));
        Assert.True(WebhookSignature.Verify(webhook.Secret, receiver.Received.Last().Body, receiver.Received.Last().Headers[WebhookSignature.Header]));
    }

    private static async Task<(string Id, string Secret)> RegisterAsync(HttpClient party, Uri url, string? secret)
    {
        var body = new JsonObject { ["url"] = url.AbsoluteUri };
        if (secret is not null)
        {
            body["secret"] = secret;
        }

        var response = await party.PostAsync("/api/webhooks", Api.Json(body));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (created["id"]!.GetValue<string>(), created["secret"]!.GetValue<string>());
    }

    /// <summary>The webhook's one delivery; null before it is queued.</summary>
    private static async Task<JsonObject?> DeliveriesAsync(HttpClient party, string webhook) =>
        (await party.GetFromJsonAsync<JsonArray>($"/api/webhooks/{webhook}/deliveries"))!.SingleOrDefault()?.AsObject();
}
