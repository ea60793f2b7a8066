using System.Text.Json.Nodes;
using Caravan.Core.Events;

namespace Caravan.Server.Tests.Events;

/// <summary>
/// One server with a party in every role, each with a registered key: a forwarder, a shipper, a consignee, a carrier
/// that operates no leg of the itinerary (so places do not restrict it), a terminal operator, a customs authority,
/// and an outsider forwarder that holds no role. <see cref="NewShipmentAsync"/> books a shipment with all of them.
/// </summary>
public sealed class RecordFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, (HttpClient Client, EventSigningKey Key)> _parties = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sharedLock = new(1, 1);
    private string? _shared;

    public static IReadOnlyList<(string Party, string Kind, string Role)> Roles { get; } =
    [
        ("xian-fwd", "forwarder", "forwarder"),
        ("xian-shipper", "shipper", "shipper"),
        ("dui-consignee", "consignee", "consignee"),
        ("steppe-rail", "carrier", "carrier"),
        ("aktau-port", "terminalOperator", "terminalOperator"),
        ("kz-customs", "customsAuthority", "customsAuthority"),
    ];

    public CaravanFactory Factory { get; private set; } = null!;

    public string DataDirectory => _directory.Path;

    public JsonObject Plan { get; private set; } = null!;

    public string ItineraryId { get; private set; } = null!;

    public HttpClient Outsider => _parties["hamburg-fwd"].Client;

    public EventSigningKey OutsiderKey => _parties["hamburg-fwd"].Key;

    public HttpClient Client(string role) => _parties[PartyOf(role)].Client;

    public EventSigningKey Key(string role) => _parties[PartyOf(role)].Key;

    public static string PartyOf(string role) => Roles.First(r => r.Role == role).Party;

    public async Task InitializeAsync()
    {
        Factory = new CaravanFactory(_directory.Path);
        foreach (var (party, kind, _) in Roles.Append(("hamburg-fwd", "forwarder", "forwarder")))
        {
            var (client, _) = await Factory.PartyAsync(party, kind, party.StartsWith("dui", StringComparison.Ordinal) || party.StartsWith("hamburg", StringComparison.Ordinal) ? "DE" : "KZ");
            _parties[party] = (client, await EventApi.RegisterKeyAsync(client, party));
        }

        (Plan, ItineraryId) = await Api.PlanAsync(Client("forwarder"));
    }

    /// <summary>
    /// Books a new shipment with every party of <see cref="Roles"/> in its role, of container CSQU3054383 and
    /// <paramref name="moreContainers"/>.
    /// </summary>
    public Task<string> NewShipmentAsync(params string[] moreContainers)
    {
        var body = Api.ShipmentBody("xian-shipper", "dui-consignee", Plan, ItineraryId, ("steppe-rail", "carrier"), ("aktau-port", "terminalOperator"), ("kz-customs", "customsAuthority"));
        foreach (var container in moreContainers)
        {
            body["containers"]!.AsArray().Add(new JsonObject
            {
                ["number"] = container,
                ["seals"] = new JsonArray(new JsonObject { ["number"] = "KZ7654321", ["source"] = "carrier" }),
            });
        }

        return Api.CreateShipmentAsync(Client("forwarder"), body);
    }

    /// <summary>One shipment shared by the tests of a class that do not look at the chain as a whole.</summary>
    public async Task<string> SharedShipmentAsync()
    {
        await _sharedLock.WaitAsync();
        try
        {
            return _shared ??= await NewShipmentAsync();
        }
        finally
        {
            _sharedLock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        _sharedLock.Dispose();
        foreach (var (_, key) in _parties.Values)
        {
            key.Dispose();
        }

        await Factory.DisposeAsync();
        _directory.Dispose();
    }
}
