using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Tests.Progress;

/// <summary>One server for the progress tests, with a forwarder and a listener registered as alert rules would be.</summary>
public sealed class ProgressFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    internal RecordingListener Listener { get; } = new();

    public CaravanFactory Factory { get; private set; } = null!;

    public HttpClient Forwarder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new CaravanFactory(_directory.Path, services: s => s.AddSingleton<Caravan.Server.Progress.IProgressListener>(Listener));
        Forwarder = (await Factory.PartyAsync("xian-fwd", "forwarder")).Client;
        await Factory.PartyAsync("xian-shipper", "shipper");
        await Factory.PartyAsync("dui-consignee", "consignee", "DE");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _directory.Dispose();
    }
}
