using Caravan.Core.Shipments;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Shipments;

public sealed class HsCodeTests
{
    [Theory]
    [InlineData("847130", "847130")]
    [InlineData("8471.30", "847130")]
    [InlineData("8471 30", "847130")]
    [InlineData("84.71.30", "847130")]
    [InlineData("8471.30.00", "84713000")]
    [InlineData("8471 30 00 10", "8471300010")]
    [InlineData(" 0901.21 ", "090121")]
    [InlineData("8703239090", "8703239090")]
    public void Parses_6_8_or_10_digits_with_or_without_separators(string text, string expected) =>
        Assert.Equal(expected, HsCode.Parse(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("8471")]
    [InlineData("84713")]
    [InlineData("8471300")]
    [InlineData("847130001")]
    [InlineData("84713000101")]
    [InlineData("847130001012")]
    [InlineData("8471..30")]
    [InlineData("8471. 30")]
    [InlineData(".847130")]
    [InlineData("847130.")]
    [InlineData("8471-30")]
    [InlineData("8471/30")]
    [InlineData("8471a0")]
    [InlineData("84713٠")]
    [InlineData("000130")]
    public void Rejects_text_that_is_not_an_hs_code(string text) =>
        Assert.False(HsCode.TryParse(text, out _));

    [Fact]
    public void Rejects_null() =>
        Assert.False(HsCode.TryParse(null, out _));

    [Fact]
    public void Parse_of_bad_text_throws_a_format_exception_naming_the_text()
    {
        var exception = Assert.Throws<FormatException>(() => HsCode.Parse("8471.3"));
        Assert.Contains("8471.3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exposes_chapter_heading_and_subheading()
    {
        var code = HsCode.Parse("8471.30.00.10");

        Assert.Equal("84", code.Chapter);
        Assert.Equal("8471", code.Heading);
        Assert.Equal("847130", code.Subheading);
        Assert.Equal("8471300010", code.ToString());
    }

    [Fact]
    public void Keeps_the_leading_zero_of_early_chapters()
    {
        var coffee = HsCode.Parse("0901.21");

        Assert.Equal("09", coffee.Chapter);
        Assert.Equal("0901", coffee.Heading);
    }

    [Fact]
    public void Codes_written_differently_are_equal() =>
        Assert.Equal(HsCode.Parse("8471.30"), HsCode.Parse("847130"));

    [Fact]
    public void A_national_extension_is_a_different_code_with_the_same_subheading()
    {
        var national = HsCode.Parse("84713000");
        var international = HsCode.Parse("847130");

        Assert.NotEqual(international, national);
        Assert.Equal(international.Subheading, national.Subheading);
    }

    [Fact]
    public void The_default_value_has_no_code()
    {
        var none = default(HsCode);

        Assert.Throws<InvalidOperationException>(() => none.Value);
        Assert.Throws<InvalidOperationException>(() => none.Chapter);
        Assert.Equal(string.Empty, none.ToString());
    }

    [Property]
    public Property Every_valid_code_survives_ToString_and_Parse() =>
        Prop.ForAll(Codes().ToArbitrary(), digits =>
        {
            var code = HsCode.Parse(digits);
            return code.Value == digits && HsCode.Parse(code.ToString()) == code;
        });

    [Property]
    public Property The_dotted_form_parses_to_the_same_code() =>
        Prop.ForAll(Codes().ToArbitrary(), digits =>
        {
            var dotted = string.Join('.', digits.Chunk(2).Select(pair => new string(pair)));
            return HsCode.Parse(dotted) == HsCode.Parse(digits);
        });

    private static Gen<string> Codes() =>
        from chapter in Gen.Choose(1, 99)
        from length in Gen.Elements(6, 8, 10)
        from rest in Gen.Elements("0123456789".ToCharArray()).ArrayOf(length - 2)
        select $"{chapter:D2}{new string(rest)}";
}
