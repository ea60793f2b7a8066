using Caravan.Core.Network;

namespace Caravan.Core.Tests.Network;

/// <summary>
/// A continuous leg's operator text names each operator of its links once, in order, between slashes: the form a
/// carrier's write rights split (a run from Dostyk to Poland is KTZ, then RZD, then BCh, then PKP).
/// </summary>
public sealed class OperatorNamesTests
{
    [Theory]
    [InlineData(new[] { "KTZ" }, "KTZ")]
    [InlineData(new[] { "KTZ", "KTZ", "KTZ" }, "KTZ")]
    [InlineData(new[] { "KTZ", "KTZ / RZD", "RZD", "RZD / BCh", "BCh", "BCh / PKP" }, "KTZ / RZD / BCh / PKP")]
    [InlineData(new[] { "ADY/GR", "GR" }, "ADY / GR")]
    [InlineData(new[] { "", "CR", " " }, "CR")]
    [InlineData(new[] { "China Railway (CR Express, Chang'an)" }, "China Railway (CR Express, Chang'an)")]
    public void Each_operator_is_named_once_in_the_order_the_run_meets_it(string[] links, string expected) =>
        Assert.Equal(expected, OperatorNames.Join(links));
}
