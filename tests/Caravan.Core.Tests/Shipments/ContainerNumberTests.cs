using Caravan.Core.Shipments;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Shipments;

public sealed class ContainerNumberTests
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    [Theory]
    [InlineData("CSQU3054383")]
    [InlineData("MWCU6059784")]
    [InlineData("APZU4812090")]
    public void Accepts_published_valid_numbers(string text)
    {
        Assert.True(ContainerNumber.TryParse(text, out var number, out var error));
        Assert.Null(error);
        Assert.Equal(text, number.Value);
    }

    [Fact]
    public void Splits_a_number_into_its_parts()
    {
        var number = ContainerNumber.Parse("CSQU3054383");

        Assert.Equal("CSQ", number.OwnerCode);
        Assert.Equal('U', number.CategoryIdentifier);
        Assert.Equal("305438", number.SerialNumber);
        Assert.Equal(3, number.CheckDigit);
        Assert.Equal("CSQU3054383", number.ToString());
    }

    [Theory]
    [InlineData("CSQU 305438 3")]
    [InlineData("CSQU305438-3")]
    [InlineData("CSQU 305438-3")]
    [InlineData("CSQU-305438-3")]
    [InlineData("CSQU 3054383")]
    [InlineData("csqu3054383")]
    [InlineData("Csqu 305438 3")]
    [InlineData("  CSQU3054383  ")]
    public void Accepts_printed_forms_and_normalises_them(string text) =>
        Assert.Equal("CSQU3054383", ContainerNumber.Parse(text).Value);

    [Theory]
    [InlineData("CSQU3054384", "check digit of CSQU305438 is 3, not 4")]
    [InlineData("MWCU6059780", "check digit of MWCU605978 is 4, not 0")]
    [InlineData("CSQX3054383", "category identifier 'X'")]
    [InlineData("CSQA3054383", "category identifier 'A'")]
    [InlineData("CSQU305438", "10 letters and digits")]
    [InlineData("CSQU30543833", "12 letters and digits")]
    [InlineData("C5QU3054383", "owner code 'C5Q'")]
    [InlineData("123U3054383", "owner code '123'")]
    [InlineData("CSQU3O54383", "serial number '3O5438'")]
    [InlineData("CSQU305438X", "check digit 'X' must be a digit")]
    [InlineData("CSQ U3054383", "separator out of place")]
    [InlineData("CSQU  305438 3", "separator out of place")]
    [InlineData("CSQU30 54383", "separator out of place")]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    public void Rejects_invalid_numbers_and_says_what_is_wrong(string text, string expectedError)
    {
        Assert.False(ContainerNumber.TryParse(text, out var number, out var error));
        Assert.Equal(default, number);
        Assert.Contains(expectedError, error, StringComparison.Ordinal);
        Assert.False(ContainerNumber.TryParse(text, out _));
    }

    [Fact]
    public void Rejects_null()
    {
        Assert.False(ContainerNumber.TryParse(null, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Parse_of_an_invalid_number_throws_with_the_reason()
    {
        var exception = Assert.Throws<FormatException>(() => ContainerNumber.Parse("CSQU3054384"));
        Assert.Contains("is 3, not 4", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CSQU305438", 3)]
    [InlineData("MWCU605978", 4)]
    [InlineData("APZU481209", 0)]
    [InlineData("CSQU000007", 0)]
    public void Computes_the_check_digits_of_the_worked_examples(string first10, int expected) =>
        Assert.Equal(expected, ContainerNumber.ComputeCheckDigit(first10));

    [Theory]
    [InlineData("CSQU30543")]
    [InlineData("CSQU3054383")]
    [InlineData("CSQX305438")]
    [InlineData("C5QU305438")]
    [InlineData("CSQU3O5438")]
    public void Computing_a_check_digit_of_malformed_text_is_a_programming_error(string first10) =>
        Assert.Throws<ArgumentException>(() => ContainerNumber.ComputeCheckDigit(first10));

    [Fact]
    public void A_remainder_of_ten_gives_check_digit_zero_and_collides_with_remainder_zero()
    {
        // CSQU000007 sums to 4025 ≡ 10 (mod 11); raising the last serial digit by 2 adds 2 × 512 ≡ 1, so
        // CSQU000009 has remainder 0. Both numbers carry check digit 0: the substitution goes unnoticed.
        Assert.Equal(10, Remainder("CSQU000007"));
        Assert.Equal(0, Remainder("CSQU000009"));
        Assert.True(ContainerNumber.TryParse("CSQU0000070", out _));
        Assert.True(ContainerNumber.TryParse("CSQU0000090", out _));
    }

    [Fact]
    public void Owner_letters_eleven_apart_share_a_check_digit()
    {
        // B = 12 and L = 23 differ by 11, so B for L in the owner code goes unnoticed; the substitution
        // property below is stated for serial digits, which differ by less than 11.
        Assert.Equal(
            ContainerNumber.ComputeCheckDigit("BSQU305438"),
            ContainerNumber.ComputeCheckDigit("LSQU305438"));
        Assert.NotEqual(
            ContainerNumber.ComputeCheckDigit("ASQU305438"),
            ContainerNumber.ComputeCheckDigit("BSQU305438"));
    }

    [Theory]
    [InlineData("CSQ", 'U', 305438, "CSQU3054383")]
    [InlineData("csq", 'u', 305438, "CSQU3054383")]
    [InlineData("MWC", 'U', 605978, "MWCU6059784")]
    [InlineData("CSQ", 'U', 7, "CSQU0000070")]
    [InlineData("ABC", 'J', 0, "ABCJ0000004")]
    [InlineData("XYZ", 'Z', 999999, "XYZZ9999992")]
    public void Create_pads_the_serial_and_appends_the_check_digit(string owner, char category, int serial, string expected) =>
        Assert.Equal(ContainerNumber.Parse(expected), ContainerNumber.Create(owner, category, serial));

    [Theory]
    [InlineData("CS", 'U', 1)]
    [InlineData("CSQQ", 'U', 1)]
    [InlineData("C5Q", 'U', 1)]
    [InlineData("CSQ", 'X', 1)]
    [InlineData("CSQ", '1', 1)]
    public void Create_rejects_a_bad_owner_code_or_category(string owner, char category, int serial) =>
        Assert.Throws<ArgumentException>(() => ContainerNumber.Create(owner, category, serial));

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void Create_rejects_a_serial_outside_six_digits(int serial) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ContainerNumber.Create("CSQ", 'U', serial));

    [Fact]
    public void The_default_value_has_no_number()
    {
        var none = default(ContainerNumber);

        Assert.Throws<InvalidOperationException>(() => none.Value);
        Assert.Throws<InvalidOperationException>(() => none.OwnerCode);
        Assert.Equal(string.Empty, none.ToString());
        Assert.NotEqual(ContainerNumber.Parse("CSQU3054383"), none);
    }

    [Property]
    public Property Every_created_number_survives_ToString_and_Parse() =>
        Prop.ForAll(Numbers().ToArbitrary(), number =>
            ContainerNumber.Parse(number.ToString()) == number
            && ContainerNumber.Parse($"{number.Value[..4]} {number.SerialNumber}-{number.CheckDigit}".ToLowerInvariant()) == number);

    [Property]
    public Property The_check_digit_is_the_weighted_sum_mod_11_with_10_as_0() =>
        Prop.ForAll(Numbers().ToArbitrary(), number =>
            number.CheckDigit == Remainder(number.Value[..10]) % 10
            && ContainerNumber.ComputeCheckDigit(number.Value[..10]) == number.CheckDigit);

    /// <summary>
    /// Replacing one serial digit by another changes the weighted sum by (d' − d)·2^i with 0 &lt; |d' − d| &lt; 11
    /// and 2^i prime to 11, so the remainder mod 11 always changes. The check digit (remainder, with 10 → 0)
    /// therefore changes, and the altered number is rejected, unless the two remainders are 0 and 10: then
    /// both check digits are 0 and the altered number is accepted.
    /// </summary>
    [Property]
    public Property A_substituted_serial_digit_is_caught_unless_the_remainders_are_0_and_10() =>
        Prop.ForAll(Substitutions().ToArbitrary(), s =>
        {
            var (number, position, digit) = s;
            var first10 = number.Value[..10].ToCharArray();
            first10[4 + position] = digit;
            var altered = new string(first10);
            var (before, after) = (Remainder(number.Value[..10]), Remainder(altered));
            var collide = (before, after) is (0, 10) or (10, 0);

            var accepted = ContainerNumber.TryParse(altered + number.CheckDigit, out _, out var error);

            return (before != after)
                .Label($"remainders {before} and {after} differ")
                .And(accepted == collide)
                .Label($"{altered}{number.CheckDigit} accepted: {accepted}, remainders {before} → {after}")
                .And(accepted || error!.Contains("check digit", StringComparison.Ordinal))
                .Label($"error names the check digit: {error}");
        });

    // Numbers over every owner, category and serial, with half drawn from those whose check digit is 0 so the
    // remainder-10 collisions come up often enough to exercise both outcomes of the substitution property.
    private static Gen<ContainerNumber> Numbers()
    {
        var any =
            from owner in Gen.Elements(Letters.ToCharArray()).ArrayOf(3)
            from category in Gen.Elements('U', 'J', 'Z')
            from serial in Gen.Choose(0, 999_999)
            select ContainerNumber.Create(new string(owner), category, serial);
        return Gen.OneOf(any, any.Where(n => n.CheckDigit == 0));
    }

    private static Gen<(ContainerNumber Number, int Position, char Digit)> Substitutions() =>
        from number in Numbers()
        from position in Gen.Choose(0, 5)
        from digit in Gen.Elements("0123456789".ToCharArray()).Where(d => d != number.SerialNumber[position])
        select (number, position, digit);

    // An independent reading of ISO 6346 §3.2: letters count from 10 upwards, stepping over every multiple of
    // 11; character i is weighted 2^i; the result is the sum mod 11 (before the 10 → 0 rule).
    private static int Remainder(string first10)
    {
        var letterValues = new Dictionary<char, int>();
        var next = 10;
        foreach (var letter in Letters)
        {
            if (next % 11 == 0)
            {
                next++;
            }

            letterValues[letter] = next++;
        }

        var sum = 0L;
        for (var i = 0; i < first10.Length; i++)
        {
            var c = first10[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : letterValues[c];
            sum += value * (long)Math.Pow(2, i);
        }

        return (int)(sum % 11);
    }
}
