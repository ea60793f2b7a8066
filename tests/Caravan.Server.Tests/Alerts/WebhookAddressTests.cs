using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Server.Webhooks;
using static Caravan.Server.Tests.Alerts.Tracking;

namespace Caravan.Server.Tests.Alerts;

/// <summary>
/// Webhooks reach public addresses only, unless the operator allows private ones: a URL whose host is or resolves to a
/// loopback, link-local, private, unspecified or multicast address is refused at registration, and a delivery to one
/// is refused, not made, at delivery time.
/// </summary>
public sealed class WebhookAddressTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://127.0.0.1:8080/healthz", "loopback")]
    [InlineData("http://localhost/hook", "loopback")]
    [InlineData("https://10.1.2.3/hook", "private")]
    [InlineData("https://172.20.0.5/hook", "private")]
    [InlineData("https://192.168.1.1/hook", "private")]
    [InlineData("https://100.100.100.200/latest/meta-data/", "private")]
    [InlineData("http://0.0.0.0:5080/", "unspecified")]
    [InlineData("http://2130706433/", "loopback")]
    [InlineData("http://224.0.0.1/", "multicast")]
    [InlineData("http://[::1]/hook", "loopback")]
    [InlineData("http://[fd00::1]/hook", "private")]
    [InlineData("http://[fe80::1]/hook", "link-local")]
    [InlineData("http://[::ffff:169.254.169.254]/", "link-local")]
    [InlineData("http://[::]/hook", "unspecified")]
    [InlineData("http://[ff02::1]/hook", "multicast")]
    [InlineData("http://[fec0::1]/hook", "private")]
    [InlineData("http://[::2]/hook", "reserved")]
    [InlineData("http://[::7f00:1]/hook", "loopback")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/", "link-local")]
    [InlineData("http://[2002:7f00:1::]/hook", "loopback")]
    public async Task A_url_at_an_address_that_is_not_public_is_refused_naming_url_and_nothing_is_stored(string url, string kind)
    {
        var response = await server.Shipper.PostAsync("/api/webhooks", Api.Json(new JsonObject { ["url"] = url }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single((await Api.ProblemAsync(response))["errors"]!["$.url"]!.AsArray())!.GetValue<string>();
        Assert.Contains($" {kind} address", message, StringComparison.Ordinal);
        Assert.DoesNotContain(await server.Shipper.GetFromJsonAsync<JsonArray>("/api/webhooks") ?? [], w => w!["url"]!.GetValue<string>() == new Uri(url).AbsoluteUri);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("100.128.0.1")]
    [InlineData("172.32.0.1")]
    [InlineData("169.253.1.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void A_public_address_is_allowed(string address) =>
        Assert.Null(WebhookAddresses.NonPublicKind(IPAddress.Parse(address)));

    [Fact]
    public async Task A_delivery_to_a_private_address_is_refused_and_not_made_when_the_operator_no_longer_allows_them()
    {
        using var directory = new TempDirectory();
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0);
        string forwarderToken;
        string webhook;
        await using (var allowing = new CaravanFactory(directory.Path, WebhookTests.AllowLoopback))
        {
            (var forwarder, forwarderToken) = await allowing.PartyAsync("fwd-private", "forwarder");
            await allowing.PartyAsync("xian-shipper", "shipper");
            await allowing.PartyAsync("dui-consignee", "consignee", "DE");
            var registered = await forwarder.PostAsync("/api/webhooks", Api.Json(new JsonObject { ["url"] = receiver.Url.AbsoluteUri }));
            Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
            webhook = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        }

        await using var refusing = new CaravanFactory(directory.Path);
        using var client = refusing.WithToken(forwarderToken);
        var shipment = await BookAsync(client);
        var t0 = refusing.Clock.GetUtcNow().AddHours(-1);
        using var device = await BoundDeviceAsync(refusing, client, "trk-private-hook", shipment, t0.AddHours(-1));
        await ReportAsync(device, Reading(t0, EnRoute, shock: 8));

        var delivery = await EventuallyAsync(
            async () => (await client.GetFromJsonAsync<JsonArray>($"/api/webhooks/{webhook}/deliveries"))!.SingleOrDefault()?.AsObject() is { } d
                && d["state"]!.GetValue<string>() != "pending" ? d : null,
            "the refused delivery");
        Assert.Equal("failed", delivery["state"]!.GetValue<string>());
        Assert.Null(delivery["lastStatus"]);
        Assert.StartsWith("Refused, not sent: 127.0.0.1 is a loopback address", delivery["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }
}
