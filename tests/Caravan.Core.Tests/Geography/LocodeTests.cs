using Caravan.Core.Geography;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Geography;

public sealed class LocodeTests
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string LocationCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789";

    [Theory]
    [InlineData("GEPTI", "GEPTI")]
    [InlineData("de ham", "DEHAM")]
    [InlineData("KZ9DS", "KZ9DS")]
    [InlineData("  AZBAK  ", "AZBAK")]
    [InlineData("GE BUS", "GEBUS")]
    [InlineData("cNxIy", "CNXIY")]
    [InlineData("TR234", "TR234")]
    public void Parses_codes_in_printed_and_compact_form(string text, string expected) =>
        Assert.Equal(expected, Locode.Parse(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("GEPT")]
    [InlineData("GEPTI1")]
    [InlineData("G3PTI")]
    [InlineData("GEPT1")]
    [InlineData("GEPT0")]
    [InlineData("GE-PTI")]
    [InlineData("GE  PTI")]
    [InlineData("GEP TI")]
    [InlineData("1EPTI")]
    [InlineData("GEPT_")]
    [InlineData("GEPTÏ")]
    [InlineData("GEPTı")]
    [InlineData("GEPTſ")]
    public void Rejects_text_that_is_not_a_locode(string text) =>
        Assert.False(Locode.TryParse(text, out _));

    [Fact]
    public void Rejects_null() =>
        Assert.False(Locode.TryParse(null, out _));

    [Fact]
    public void Parse_of_bad_text_throws_a_format_exception_naming_the_text()
    {
        var exception = Assert.Throws<FormatException>(() => Locode.Parse("GEPT0"));
        Assert.Contains("GEPT0", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GEPTI", "GE")]
    [InlineData("kz 9ds", "KZ")]
    [InlineData("CNXIY", "CN")]
    public void Country_is_the_first_two_letters(string text, string country) =>
        Assert.Equal(CountryCode.Parse(country), Locode.Parse(text).Country);

    [Fact]
    public void Codes_written_differently_are_equal() =>
        Assert.Equal(Locode.Parse("GEPTI"), Locode.Parse("ge pti"));

    [Fact]
    public void Different_codes_are_not_equal() =>
        Assert.NotEqual(Locode.Parse("GEPTI"), Locode.Parse("GEBUS"));

    [Fact]
    public void The_default_value_has_no_code()
    {
        var none = default(Locode);

        Assert.Throws<InvalidOperationException>(() => none.Value);
        Assert.Throws<InvalidOperationException>(() => none.Country);
        Assert.Equal(string.Empty, none.ToString());
        Assert.NotEqual(Locode.Parse("GEPTI"), none);
    }

    [Fact]
    public void A_failed_parse_leaves_the_default_value()
    {
        Assert.False(Locode.TryParse("GEPT0", out var locode));
        Assert.Equal(default, locode);
    }

    [Property]
    public Property Every_valid_code_survives_ToString_and_Parse() =>
        Prop.ForAll(ValidCodes().ToArbitrary(), text =>
        {
            var locode = Locode.Parse(text);
            return locode.ToString() == text && Locode.Parse(locode.ToString()) == locode;
        });

    [Property]
    public Property The_printed_lower_case_form_parses_to_the_same_code() =>
        Prop.ForAll(ValidCodes().ToArbitrary(), text =>
            Locode.Parse($"{text[..2]} {text[2..]}".ToLowerInvariant()) == Locode.Parse(text));

    private static Gen<string> ValidCodes() =>
        from country in Gen.Elements(Letters.ToCharArray()).ArrayOf(2)
        from place in Gen.Elements(LocationCharacters.ToCharArray()).ArrayOf(3)
        select new string([.. country, .. place]);
}
