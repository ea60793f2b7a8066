using Caravan.Core.Network;

namespace Caravan.Core.Tests.Network;

public sealed class PlaceNamesTests
{
    [Theory]
    [InlineData("Constanța", "constanta")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Małaszewicze", "malaszewicze")]
    [InlineData("Kuźnica Białostocka", "kuznica bialostocka")]
    [InlineData("Türkmenbaşy", "turkmenbasy")]
    [InlineData("Serhetýaka", "serhetyaka")]
    [InlineData("Istanbul (Halkalı / Marmaray)", "istanbul (halkali / marmaray)")]
    [InlineData("Böyük Kəsik", "boyuk kasik")]
    [InlineData("Ələt", "alat")]
    [InlineData("Berlin (Großbeeren)", "berlin (grossbeeren)")]
    [InlineData("Xi'an", "xian")]
    [InlineData("Xi’an", "xian")]
    [InlineData("  Madrid (Abroñigal) ", "madrid (abronigal)")]
    [InlineData("CNCKG", "cnckg")]
    public void Folds_case_diacritics_and_apostrophes(string name, string folded) =>
        Assert.Equal(folded, PlaceNames.Fold(name));

    [Fact]
    public void Every_Latin_letter_with_a_diacritic_folds_to_ASCII()
    {
        // Latin-1 Supplement and Latin Extended-A and -B letters: each is folded to ASCII or kept as the lower-case
        // letter it is (those without a base letter, such as ŋ), never dropped.
        for (var c = '\u00C0'; c <= '\u024F'; c++)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            var folded = PlaceNames.Fold(c.ToString());
            Assert.False(string.IsNullOrEmpty(folded), $"U+{(int)c:X4} folded to nothing");
        }
    }
}
