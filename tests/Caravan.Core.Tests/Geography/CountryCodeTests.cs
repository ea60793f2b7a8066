using Caravan.Core.Geography;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Geography;

public sealed class CountryCodeTests
{
    [Theory]
    [InlineData("GE", "GE")]
    [InlineData("kz", "KZ")]
    [InlineData("Tr", "TR")]
    [InlineData(" az ", "AZ")]
    [InlineData("XX", "XX")]
    public void Parses_two_letters_in_either_case(string text, string expected) =>
        Assert.Equal(expected, CountryCode.Parse(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("G")]
    [InlineData("GEO")]
    [InlineData("G1")]
    [InlineData("12")]
    [InlineData("G E")]
    [InlineData("G-")]
    [InlineData("ÜA")]
    [InlineData("ıT")]
    public void Rejects_text_that_is_not_two_letters(string text) =>
        Assert.False(CountryCode.TryParse(text, out _));

    [Fact]
    public void Rejects_null() =>
        Assert.False(CountryCode.TryParse(null, out _));

    [Fact]
    public void Parse_of_bad_text_throws_a_format_exception_naming_the_text()
    {
        var exception = Assert.Throws<FormatException>(() => CountryCode.Parse("GEO"));
        Assert.Contains("GEO", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_written_in_different_case_are_equal_and_hash_alike()
    {
        var upper = CountryCode.Parse("CN");
        var lower = CountryCode.Parse("cn");

        Assert.Equal(upper, lower);
        Assert.Equal(upper.GetHashCode(), lower.GetHashCode());
        Assert.NotEqual(CountryCode.Parse("RU"), upper);
    }

    [Fact]
    public void The_default_value_has_no_code()
    {
        var none = default(CountryCode);

        Assert.Throws<InvalidOperationException>(() => none.Value);
        Assert.Equal(string.Empty, none.ToString());
        Assert.NotEqual(CountryCode.Parse("GE"), none);
    }

    [Property]
    public Property Every_pair_of_letters_survives_ToString_and_Parse() =>
        Prop.ForAll(Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".ToCharArray()).ArrayOf(2).ToArbitrary(), letters =>
        {
            var code = CountryCode.Parse(new string(letters));
            return code.Value == new string(letters).ToUpperInvariant() && CountryCode.Parse(code.ToString()) == code;
        });
}
