namespace Caravan.Server.Tests;

/// <summary>
/// One server per test class on its own temp SQLite file, with a forwarder, a shipper, a consignee, a carrier and a
/// customs authority, each with a token.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly IReadOnlyDictionary<string, string?>? _settings;

    public ServerFixture()
    {
    }

    /// <summary>A fixture whose server runs with these settings besides the tests' defaults.</summary>
    protected ServerFixture(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    public CaravanFactory Factory { get; private set; } = null!;

    public HttpClient Forwarder { get; private set; } = null!;

    public HttpClient OtherForwarder { get; private set; } = null!;

    public HttpClient Shipper { get; private set; } = null!;

    public HttpClient Consignee { get; private set; } = null!;

    public HttpClient Carrier { get; private set; } = null!;

    public HttpClient Customs { get; private set; } = null!;

    public string DataDirectory => _directory.Path;

    public async Task InitializeAsync()
    {
        Factory = new CaravanFactory(_directory.Path, _settings);
        Forwarder = (await Factory.PartyAsync("xian-fwd", "forwarder")).Client;
        OtherForwarder = (await Factory.PartyAsync("hamburg-fwd", "forwarder", "DE")).Client;
        Shipper = (await Factory.PartyAsync("xian-shipper", "shipper")).Client;
        Consignee = (await Factory.PartyAsync("dui-consignee", "consignee", "DE")).Client;
        Carrier = (await Factory.PartyAsync("ktz", "carrier", "KZ")).Client;
        Customs = (await Factory.PartyAsync("kz-customs", "customsAuthority", "KZ")).Client;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _directory.Dispose();
    }
}
