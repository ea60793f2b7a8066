namespace Caravan.Server.Tests.Mqtt;

/// <summary>The real server in-process with its embedded MQTT broker on a free port, and a forwarder owning the devices.</summary>
public sealed class EmbeddedBrokerFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public CaravanFactory Factory { get; private set; } = null!;

    public HttpClient Forwarder { get; private set; } = null!;

    public int Port { get; } = FreePort.Next();

    public async Task InitializeAsync()
    {
        Factory = new CaravanFactory(_directory.Path, new Dictionary<string, string?>
        {
            ["Caravan:Mqtt:Mode"] = "Embedded",
            ["Caravan:Mqtt:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Forwarder = (await Factory.PartyAsync("mqtt-fwd", "forwarder")).Client;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _directory.Dispose();
    }
}
