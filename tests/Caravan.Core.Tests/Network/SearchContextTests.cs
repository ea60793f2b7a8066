using Caravan.Core.Network;

namespace Caravan.Core.Tests.Network;

public sealed class SearchContextTests
{
    [Fact]
    public void Every_mode_and_gauge_has_its_own_context_below_the_count()
    {
        var gauges = new[] { RailGauges.None, RailGauges.Standard1435, RailGauges.Broad1520, RailGauges.Iberian1668 };
        var contexts = Enum.GetValues<TransportMode>()
            .SelectMany(mode => gauges.Select(gauge => SearchContext.Continuous(mode, gauge)))
            .ToList();

        Assert.Equal(contexts.Count, contexts.Distinct().Count());
        Assert.All(contexts, c => Assert.InRange(c, SearchContext.NeedsTransfer + 1, SearchContext.Count - 1));
    }
}
