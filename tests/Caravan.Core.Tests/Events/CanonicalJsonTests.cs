using System.Globalization;
using System.Text;
using System.Text.Json;
using Caravan.Core.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Events;

public sealed class CanonicalJsonTests
{
    // RFC 8785 Appendix B: IEEE 754 bit patterns and their ES serialisation.
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    public void Numbers_are_written_as_in_the_RFC_8785_table(string ieeeHex, string expected)
    {
        var value = BitConverter.Int64BitsToDouble(long.Parse(ieeeHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        Assert.Equal(expected, EcmaNumber.Format(value));
        Assert.Equal(expected, Canonical(Text(value.ToString("R", CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("7fffffffffffffff")]
    [InlineData("7ff0000000000000")]
    [InlineData("fff0000000000000")]
    public void NaN_and_infinity_have_no_ES_text(string ieeeHex)
    {
        var value = BitConverter.Int64BitsToDouble(long.Parse(ieeeHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        Assert.Throws<ArgumentOutOfRangeException>(() => EcmaNumber.Format(value));
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("[1, 2e999]")]
    public void Numbers_beyond_a_double_are_refused_with_a_reason(string json)
    {
        Assert.False(CanonicalJson.TryCanonicalize(Text(json), out var canonical, out var error));
        Assert.Null(canonical);
        Assert.Contains("outside the range of an IEEE 754 double", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_RFC_8785_section_3_2_2_example_canonicalises_as_published()
    {
        var input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        Assert.Equal(
            """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""",
            Canonical(Text(input)));
    }

    [Fact]
    public void Members_are_sorted_by_UTF_16_code_units_as_in_RFC_8785_section_3_2_3()
    {
        var input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        using var document = JsonDocument.Parse(Canonical(Text(input)));
        var values = document.RootElement.EnumerateObject().Select(p => p.Value.GetString()).ToList();

        Assert.Equal(
            [
                "Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
                "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh",
            ],
            values);
    }

    [Theory]
    [InlineData("\"\\u0000\\u001f\\u007f\"", "\"\\u0000\\u001f\u007f\"")]
    [InlineData("\"\\b\\f\\n\\r\\t\"", "\"\\b\\f\\n\\r\\t\"")]
    [InlineData("\"\\u2028\\u2029\"", "\"\u2028\u2029\"")]
    [InlineData("\"\\/\\u0041\\u00e9\"", "\"/Aé\"")]
    [InlineData("\"<>&'\"", "\"<>&'\"")]
    public void Strings_are_escaped_as_JSON_stringify_does(string input, string expected) =>
        Assert.Equal(expected, Canonical(Text(input)));

    [Theory]
    [InlineData("{ \"b\" : [ 1 , {\"y\":1,\"x\":2} ] ,\n \"a\" : true }", "{\"a\":true,\"b\":[1,{\"x\":2,\"y\":1}]}")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    [InlineData("-0", "0")]
    [InlineData("1.0", "1")]
    [InlineData("100e-2", "1")]
    [InlineData("0.1e1", "1")]
    [InlineData("null", "null")]
    public void Whitespace_goes_and_values_take_their_canonical_form(string input, string expected) =>
        Assert.Equal(expected, Canonical(Text(input)));

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}", "$.a: the member name appears more than once")]
    [InlineData("{\"x\":{\"a\":1,\"\\u0061\":2}}", "$.x.a: the member name appears more than once")]
    [InlineData("[{\"k y\":1,\"k y\":1}]", "$[0]['k y']: the member name appears more than once")]
    public void Duplicate_member_names_are_refused_naming_the_member(string input, string expected)
    {
        Assert.False(CanonicalJson.TryCanonicalize(Text(input), out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"a\\udc00b\"")]
    [InlineData("{\"\\ud800\":1}")]
    public void Lone_surrogates_are_refused(string input)
    {
        Assert.False(CanonicalJson.TryCanonicalize(Text(input), out _, out var error));
        Assert.Contains("lone UTF-16 surrogate", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":1,}")]
    [InlineData("// comment\n1")]
    [InlineData("[1] [2]")]
    [InlineData("NaN")]
    [InlineData("'single'")]
    public void Text_that_is_not_JSON_is_refused_with_the_parser_reason(string input)
    {
        Assert.False(CanonicalJson.TryCanonicalize(Text(input), out _, out var error));
        Assert.StartsWith("not JSON: ", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => CanonicalJson.Canonicalize(Text(input)));
    }

    [Fact]
    public void IsCanonical_is_true_only_for_the_exact_canonical_bytes()
    {
        Assert.True(CanonicalJson.IsCanonical(Text("{\"a\":[1,2.5,\"x\"],\"b\":null}")));
        Assert.False(CanonicalJson.IsCanonical(Text("{\"b\":null,\"a\":[1,2.5,\"x\"]}")));
        Assert.False(CanonicalJson.IsCanonical(Text("{\"a\": 1}")));
        Assert.False(CanonicalJson.IsCanonical(Text("{\"a\":1.0}")));
        Assert.False(CanonicalJson.IsCanonical(Text("\"\\u00e9\"")));
    }

    [Property]
    public Property Canonicalising_twice_gives_the_same_bytes_as_once() =>
        Prop.ForAll(JsonValues.Arbitrary, value =>
        {
            var once = CanonicalJson.Canonicalize(Text(value.ToJson(reverse: false)));
            var twice = CanonicalJson.Canonicalize(once);
            return once.AsSpan().SequenceEqual(twice);
        });

    [Property]
    public Property The_canonical_form_means_the_same_as_the_original() =>
        Prop.ForAll(JsonValues.Arbitrary, value =>
        {
            var canonical = CanonicalJson.Canonicalize(Text(value.ToJson(reverse: false)));
            using var document = JsonDocument.Parse(canonical);
            return value.SameAs(document.RootElement);
        });

    [Property]
    public Property Member_order_and_whitespace_do_not_change_the_canonical_form() =>
        Prop.ForAll(JsonValues.Arbitrary, value =>
            CanonicalJson.Canonicalize(Text(value.ToJson(reverse: false)))
                .AsSpan()
                .SequenceEqual(CanonicalJson.Canonicalize(Text(value.ToJson(reverse: true)))));

    private static byte[] Text(string json) => Encoding.UTF8.GetBytes(json);

    private static string Canonical(byte[] json) => Encoding.UTF8.GetString(CanonicalJson.Canonicalize(json));
}
