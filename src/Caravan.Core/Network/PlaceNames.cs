using System.Collections.Frozen;
using System.Text;

namespace Caravan.Core.Network;

/// <summary>
/// Place names as a person types them: <see cref="Fold"/> makes a name and a query comparable whatever their case,
/// diacritics and apostrophes ("Constanta" finds Constanța, "Lodz" Łódź, "Alat" Ələt, "Xian" Xi'an).
/// </summary>
public static class PlaceNames
{
    // The Latin letters U+00C0–U+024F whose canonical decomposition is an ASCII letter and combining marks, and that
    // letter. Caravan runs with invariant globalization, where string.Normalize leaves non-ASCII text as it is, so the
    // decompositions are listed here (generated once from Unicode's, with globalization on).
    // A fold that is ASCII can be typed on any keyboard; DefaultNetworkTests checks that every shipped name folds so.
    private const string Decomposing =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľ" +
        "ŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓ" +
        "ȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ";

    private const string DecomposingBase =
        "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllll" +
        "nnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooo" +
        "rrrruuuusstthhaaeeooooooooyy";

    private static readonly FrozenDictionary<char, string> Folded = Table();

    /// <summary>
    /// <paramref name="text"/> trimmed, in lower case, each letter with a diacritic as its base letter, the letters
    /// that have no decomposition as they are written in English (ı i, ł l, ø o, đ d, ə a as in Ələt "Alat", ß ss, æ
    /// ae), dashes as a hyphen, and apostrophes left out.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.AsSpan().Trim())
        {
            if (c is '\'' or '`')
            {
                continue;
            }

            if (c < 128)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
            else if (Folded.TryGetValue(c, out var replacement))
            {
                folded.Append(replacement);
            }
            else
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }

    private static FrozenDictionary<char, string> Table()
    {
        var table = new Dictionary<char, string>();
        for (var i = 0; i < Decomposing.Length; i++)
        {
            table[Decomposing[i]] = DecomposingBase[i].ToString();
        }

        foreach (var (letters, replacement) in new[]
        {
            ("ıİ", "i"), ("łŁ", "l"), ("øØ", "o"), ("đĐ", "d"), ("ðÐ", "d"), ("ħĦ", "h"), ("ŧŦ", "t"), ("əƏ", "a"),
            ("ß", "ss"), ("æÆ", "ae"), ("œŒ", "oe"), ("þÞ", "th"), ("\u2019\u2018\u02bc", string.Empty),
            ("\u2010\u2011\u2012\u2013\u2014\u2015", "-"),
        })
        {
            foreach (var letter in letters)
            {
                table[letter] = replacement;
            }
        }

        return table.ToFrozenDictionary();
    }
}
