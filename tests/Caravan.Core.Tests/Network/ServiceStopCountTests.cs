using Caravan.Core.Network;

namespace Caravan.Core.Tests.Network;

public sealed class ServiceStopCountTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_service_with_fewer_than_two_stops_is_reported_at_its_row(int stopsRemoved)
    {
        // The ferry Aktau → Baku is services.csv line 3; its stops are service_stops.csv lines 5–6.
        var files = TestNetworkFiles.Valid().RemoveLine(NetworkFileNames.ServiceStops, 6);
        if (stopsRemoved == 2)
        {
            files.RemoveLine(NetworkFileNames.ServiceStops, 5);
        }

        var result = files.Load();

        var problem = LoadAssert.ReportsOnly(result, NetworkFileNames.Services, 3, 1, "id");
        Assert.Contains("akt-bak-ferry", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stops_and_departures_of_a_rejected_service_are_not_called_unknown()
    {
        var result = TestNetworkFiles.Valid().SetField(NetworkFileNames.Services, 3, "price_usd", "x").Load();

        Assert.Null(result.Network);
        Assert.DoesNotContain(result.Problems, p => p.Message.Contains("unknown service", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.File == NetworkFileNames.Services && p.Line == 3 && p.Field == "price_usd");
    }
}
