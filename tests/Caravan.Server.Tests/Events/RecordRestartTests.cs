using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caravan.Core.Events;

namespace Caravan.Server.Tests.Events;

/// <summary>Stopping the server and starting it on the same data keeps the chains, the keys and the platform key.</summary>
public sealed class RecordRestartTests
{
    [Fact]
    public async Task Chains_keys_and_the_platform_key_survive_a_restart_and_the_chain_continues()
    {
        using var directory = new TempDirectory();
        using var key = EventSigningKey.Create();
        string shipment;
        string token;
        JsonArray before;
        await using (var factory = new CaravanFactory(directory.Path))
        {
            var (forwarder, _) = await factory.PartyAsync("fwd", "forwarder");
            await factory.PartyAsync("shp", "shipper");
            await factory.PartyAsync("cns", "consignee", "DE");
            HttpClient carrier;
            (carrier, token) = await factory.PartyAsync("rail", "carrier", "KZ");
            var registered = await carrier.PostAsync("/api/parties/rail/keys", new StringContent(key.PublicKey.ToJwk(), System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.Created, registered.StatusCode);
            var (plan, itinerary) = await Api.PlanAsync(forwarder);
            shipment = await Api.CreateShipmentAsync(forwarder, Api.ShipmentBody("shp", "cns", plan, itinerary, ("rail", "carrier")));
            await EventApi.AppendAsync(carrier, shipment, EventApi.Event(shipment, "TRANSPORT", "DEPA"), key);
            await EventApi.AppendAsync(carrier, shipment, EventApi.Event(shipment, "TRANSPORT", "ARRI", minute: 5), key);
            before = (await carrier.GetFromJsonAsync<JsonArray>($"/api/shipments/{shipment}/events"))!;
        }

        await using (var restarted = new CaravanFactory(directory.Path))
        {
            using var carrier = restarted.WithToken(token);
            var after = (await carrier.GetFromJsonAsync<JsonArray>($"/api/shipments/{shipment}/events"))!;
            Assert.Equal(before.ToJsonString(), after.ToJsonString());

            var third = await EventApi.AppendAsync(carrier, shipment, EventApi.Event(shipment, "TRANSPORT", "DEPA", minute: 10), key);
            Assert.Equal(3, third["sequence"]!.GetValue<long>());
            Assert.Equal(before[0]!["platformKid"]!.GetValue<string>(), third["platformKid"]!.GetValue<string>());
            var verify = (await carrier.GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}/verify"))!;
            Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
            Assert.Equal(3, verify["entriesChecked"]!.GetValue<int>());
        }
    }
}
