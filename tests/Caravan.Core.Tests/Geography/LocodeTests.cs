using Caravan.Core.Geography;

namespace Caravan.Core.Tests.Geography;

public sealed class LocodeTests
{
    [Theory]
    [InlineData("GEPTI", "GEPTI")]
    [InlineData("de ham", "DEHAM")]
    [InlineData("KZ9DS", "KZ9DS")]
    public void Parses_codes_in_printed_and_compact_form(string text, string expected) =>
        Assert.Equal(expected, Locode.Parse(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("GEPT")]
    [InlineData("GEPTI1")]
    [InlineData("G3PTI")]
    [InlineData("GEPT1")]
    [InlineData("GEPT0")]
    public void Rejects_text_that_is_not_a_locode(string text) =>
        Assert.False(Locode.TryParse(text, out _));
}
