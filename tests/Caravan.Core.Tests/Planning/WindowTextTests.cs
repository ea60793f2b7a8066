using Caravan.Core.Planning;

namespace Caravan.Core.Tests.Planning;

public sealed class WindowTextTests
{
    [Theory]
    [InlineData(7 * 24 * 60, "7 days")]
    [InlineData(24 * 60, "1 day")]
    [InlineData((24 * 60) + 1, "1 day")]
    [InlineData(60 * 60, "2.5 days")]
    [InlineData(12 * 60, "12 hours")]
    [InlineData(60, "1 hour")]
    [InlineData(30, "30 minutes")]
    [InlineData(1, "1 minute")]
    [InlineData(0, "0 minutes")]
    public void A_window_reads_in_its_largest_whole_unit(int minutes, string text) =>
        Assert.Equal(text, WindowText.Of(TimeSpan.FromMinutes(minutes)));
}
