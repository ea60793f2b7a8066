using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Caravan.Core.Events;

namespace Caravan.Server.Tests.Events;

/// <summary>Registering and listing a party's public keys: the operator or the party itself, public keys only, each key to one party.</summary>
public sealed class KeyTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Fact]
    public async Task A_party_registers_its_public_key_once_and_lists_it()
    {
        using var key = EventSigningKey.Create();
        var client = record.Client("consignee");

        var first = await client.PostAsync("/api/parties/dui-consignee/keys", Jwk(key.PublicKey.ToJwk()));
        var again = await client.PostAsync("/api/parties/dui-consignee/keys", Jwk(key.PublicKey.ToJwk()));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var body = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("dui-consignee", body["partyID"]!.GetValue<string>());
        Assert.Equal(key.Kid, body["kid"]!.GetValue<string>());
        Assert.False(body["custodial"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var list = (await client.GetFromJsonAsync<JsonArray>("/api/parties/dui-consignee/keys"))!;
        Assert.Contains(list, k => k!["kid"]!.GetValue<string>() == key.Kid);
    }

    [Fact]
    public async Task The_operator_registers_a_key_for_any_party()
    {
        using var key = EventSigningKey.Create();
        using var admin = record.Factory.Admin();

        var response = await admin.PostAsync("/api/parties/aktau-port/keys", Jwk(key.PublicKey.ToJwk()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_private_key_is_refused_and_not_stored()
    {
        using var key = EventSigningKey.Create();

        var response = await record.Client("shipper").PostAsync("/api/parties/xian-shipper/keys", Jwk(key.ToPrivateJwk()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Api.ProblemAsync(response))["errors"]!["$.d"]);
        var list = (await record.Client("shipper").GetFromJsonAsync<JsonArray>("/api/parties/xian-shipper/keys"))!;
        Assert.DoesNotContain(list, k => k!["kid"]!.GetValue<string>() == key.Kid);
    }

    [Fact]
    public async Task A_party_can_neither_register_nor_read_another_partys_keys()
    {
        using var key = EventSigningKey.Create();

        var register = await record.Outsider.PostAsync("/api/parties/steppe-rail/keys", Jwk(key.PublicKey.ToJwk()));
        var read = await record.Outsider.GetAsync("/api/parties/steppe-rail/keys");

        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    [Fact]
    public async Task Something_that_is_not_a_jwk_is_refused()
    {
        var response = await record.Client("shipper").PostAsync("/api/parties/xian-shipper/keys", Jwk("""{"kty":"RSA","n":"abc","e":"AQAB"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Api.ProblemAsync(response))["errors"]!["$"]);
    }

    [Fact]
    public async Task The_platform_party_exists_with_its_key_registered()
    {
        using var admin = record.Factory.Admin();

        var party = (await admin.GetFromJsonAsync<JsonObject>("/api/parties/caravan"))!;
        var keys = (await admin.GetFromJsonAsync<JsonArray>("/api/parties/caravan/keys"))!;

        // Two keys: the platform key that seals entries, and the telematics key with which it authors tracker events.
        Assert.Equal("platform", party["kind"]!.GetValue<string>());
        Assert.Equal(2, keys.Count);
        foreach (var name in new[] { "platform.key.jwk", "telematics.key.jwk" })
        {
            var file = Path.Combine(record.DataDirectory, name);
            Assert.True(EventSigningKey.TryParse(File.ReadAllText(file), out var key, out _));
            using (key)
            {
                Assert.Contains(keys, k => k!["kid"]!.GetValue<string>() == key.Kid);
            }

            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task Another_partys_public_key_is_refused_so_its_signatures_are_never_credited_to_the_caller()
    {
        var shipment = await record.SharedShipmentAsync();
        var forwarderKey = record.Key("forwarder");
        var customs = record.Client("customsAuthority");

        var claimed = await customs.PostAsync("/api/parties/kz-customs/keys", Jwk(forwarderKey.PublicKey.ToJwk()));

        Assert.Equal(HttpStatusCode.Conflict, claimed.StatusCode);
        var detail = (await Api.ProblemAsync(claimed))["detail"]!.GetValue<string>();
        Assert.Contains("registered to another party", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("xian-fwd", detail, StringComparison.Ordinal);
        var customsKeys = (await customs.GetFromJsonAsync<JsonArray>("/api/parties/kz-customs/keys"))!;
        Assert.DoesNotContain(customsKeys, k => k!["kid"]!.GetValue<string>() == forwarderKey.Kid);

        // The forwarder's signature, posted by customs on an event customs may write, is not customs' signature.
        var hold = await EventApi.PostAsync(customs, shipment, EventApi.Envelope(EventApi.Event(shipment, "SHIPMENT", "HOLD"), forwarderKey));
        Assert.Equal(HttpStatusCode.BadRequest, hold.StatusCode);
        Assert.NotNull((await Api.ProblemAsync(hold))["errors"]!["$.signature"]);
        var forwarderKeys = (await record.Client("forwarder").GetFromJsonAsync<JsonArray>("/api/parties/xian-fwd/keys"))!;
        Assert.Contains(forwarderKeys, k => k!["kid"]!.GetValue<string>() == forwarderKey.Kid);
    }

    [Fact]
    public async Task The_operator_cannot_bind_one_partys_key_or_the_platforms_to_another_and_is_told_who_holds_it()
    {
        using var admin = record.Factory.Admin();
        var platformJwk = (await admin.GetFromJsonAsync<JsonArray>("/api/parties/caravan/keys"))![0]!["jwk"]!.ToJsonString();

        var carriers = await admin.PostAsync("/api/parties/steppe-rail/keys", Jwk(record.Key("shipper").PublicKey.ToJwk()));
        var platforms = await admin.PostAsync("/api/parties/aktau-port/keys", Jwk(platformJwk));

        Assert.Equal(HttpStatusCode.Conflict, carriers.StatusCode);
        Assert.Contains("registered to party 'xian-shipper'", (await Api.ProblemAsync(carriers))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, platforms.StatusCode);
        Assert.Contains("registered to party 'caravan'", (await Api.ProblemAsync(platforms))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var listed = (await admin.GetFromJsonAsync<JsonArray>("/api/parties/steppe-rail/keys"))!;
        Assert.DoesNotContain(listed, k => k!["kid"]!.GetValue<string>() == record.Key("shipper").Kid);
    }

    private static StringContent Jwk(string json) => new(json, Encoding.UTF8, "application/json");
}
