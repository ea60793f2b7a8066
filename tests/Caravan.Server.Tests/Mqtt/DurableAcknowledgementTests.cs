using System.Globalization;
using Caravan.Core.Telemetry;
using Caravan.Storage;
using Caravan.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using static Caravan.Server.Tests.TelemetryData;

namespace Caravan.Server.Tests.Mqtt;

/// <summary>
/// MQTTnet sends a QoS 1 PUBACK when the publish interceptor returns; Caravan's interceptor awaits the durable write.
/// With the store held shut, the device has no PUBACK; once the write completes, it has, and the reading is stored.
/// </summary>
public sealed class DurableAcknowledgementTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 19, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_PUBACK_is_sent_only_after_the_reading_is_durable()
    {
        using var directory = new TempDirectory();
        var port = FreePort.Next();
        GatedReadingStore? gate = null;
        await using var factory = new CaravanFactory(
            directory.Path,
            new Dictionary<string, string?> { ["Caravan:Mqtt:Mode"] = "Embedded", ["Caravan:Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture) },
            services => services.AddSingleton<IReadingStore>(sp => gate = new GatedReadingStore(ActivatorUtilities.CreateInstance<SqliteReadingStore>(sp))));
        var (owner, _) = await factory.PartyAsync("gate-fwd", "forwarder");
        var token = await RegisterAsync(owner, "trk-gate");
        using var device = await MqttDevices.ConnectAsync(port, "trk-gate", token);
        var store = factory.Services.GetRequiredService<IReadingStore>();
        Assert.Same(gate, store);

        var publish = device.PublishAsync(MqttDevices.Topic("trk-gate"), Reading(T0, 43.6).ToJsonString());
        try
        {
            await gate!.Reached.WaitAsync(TimeSpan.FromSeconds(30));

            // The write is held at the store: whatever MQTTnet does meanwhile, no PUBACK may reach the device.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.False(publish.IsCompleted, "The PUBACK arrived before the reading was durable.");
            Assert.Empty(await store.TrackAsync(DeviceId.Parse("trk-gate"), null, null, 10, CancellationToken.None));
        }
        finally
        {
            gate?.Open();
        }

        var result = await publish.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        Assert.Single(await store.TrackAsync(DeviceId.Parse("trk-gate"), null, null, 10, CancellationToken.None));
    }
}
