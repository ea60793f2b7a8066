namespace Caravan.Server.Tests.Alerts;

/// <summary>The real server on Kestrel (a free loopback port, real HTTP), for reading server-sent events as a client does.</summary>
public sealed class LiveFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public CaravanFactory Factory { get; private set; } = null!;

    public HttpClient Forwarder { get; private set; } = null!;

    public HttpClient OtherForwarder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The progress worker is off: its platform events would interleave with the entries these tests append.
        Factory = new CaravanFactory(_directory.Path, new Dictionary<string, string?> { ["Caravan:Progress:Enabled"] = "false" });
        Factory.UseKestrel(0);
        Factory.StartServer();
        Forwarder = (await Factory.PartyAsync("xian-fwd", "forwarder")).Client;
        OtherForwarder = (await Factory.PartyAsync("hamburg-fwd", "forwarder", "DE")).Client;
        await Factory.PartyAsync("xian-shipper", "shipper");
        await Factory.PartyAsync("dui-consignee", "consignee", "DE");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _directory.Dispose();
    }
}
