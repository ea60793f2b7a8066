using Caravan.Core.Network;

namespace Caravan.Core.Tests.Network;

public sealed class RootCauseTests
{
    [Fact]
    public void A_terminal_with_a_bad_field_is_reported_once_not_at_every_link_and_stop_that_uses_it()
    {
        // Khorgos (terminals.csv line 3) is used by links and by the block train's stops.
        var result = TestNetworkFiles.Valid().SetField(NetworkFileNames.Terminals, 3, "country", "XX").Load();

        LoadAssert.ReportsOnly(result, NetworkFileNames.Terminals, 3, 3, "country");
    }
}
