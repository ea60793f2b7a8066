using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Caravan.Server.Tests.Events;

/// <summary>
/// <c>/verify</c> compares the entries with the head recorded at each append; it reads both in one snapshot, so an
/// append committed between the two reads cannot make an intact chain look cut or padded.
/// </summary>
public sealed class VerifyWhileAppendingTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    [Fact]
    public async Task A_chain_verified_while_it_is_appended_to_is_intact_every_time()
    {
        var shipment = await record.NewShipmentAsync();
        var carrier = record.Client("carrier");
        var appending = Task.Run(async () =>
        {
            for (var i = 0; i < 80; i++)
            {
                await EventApi.AppendAsync(carrier, shipment, EventApi.Event(shipment, "EQUIPMENT", i % 2 == 0 ? "LOAD" : "DISC", minute: i), record.Key("carrier"));
            }
        });

        var checks = 0;
        while (!appending.IsCompleted)
        {
            var verify = (await carrier.GetFromJsonAsync<JsonObject>($"/api/shipments/{shipment}/verify"))!;
            Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
            checks++;
        }

        await appending;
        Assert.True(checks > 1, $"only {checks} verification(s) ran while appending");
    }
}
