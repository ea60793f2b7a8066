using System.Text.RegularExpressions;
using Caravan.Core.Network.Csv;

namespace Caravan.Core.Network.Loading;

/// <summary>
/// Checks a row's <c>sources</c> field: <c>figure=tags</c> entries separated by ';', tags joined by '+'.
/// A tag is S&lt;n&gt; (a source of the reference sheet), S&lt;letter&gt;&lt;n&gt; (a standards source), D (derived)
/// or E (estimate). Every figure the row carries must have an entry, so no number is left without a source.
/// </summary>
internal static partial class SourceTags
{
    public const string Column = "sources";

    /// <summary>Checks the row's sources; reads the field in place, so a valid row costs no allocation.</summary>
    public static void Check(CsvTable table, CsvRecord row, ReadOnlySpan<string> requiredFigures)
    {
        var text = table.Text(row, Column).AsSpan();
        var found = 0UL;
        foreach (var entryRange in text.Split(';'))
        {
            var entry = text[entryRange].Trim();
            if (entry.IsEmpty)
            {
                continue;
            }

            var equals = entry.IndexOf('=');
            var figure = equals < 0 ? entry : entry[..equals].Trim();
            ReadOnlySpan<char> tags = equals < 0 ? [] : entry[(equals + 1)..].Trim();
            if (equals < 0 || figure.IsEmpty || tags.IsEmpty)
            {
                table.Report(row, Column, $"'{entry}' is not of the form figure=tags (e.g. distance=S43 or cost=E)");
                continue;
            }

            foreach (var tagRange in tags.Split('+'))
            {
                var tag = tags[tagRange].Trim();
                if (!TagPattern().IsMatch(tag))
                {
                    table.Report(row, Column, $"'{tag}' in '{entry}' is not a source tag (S<n>, S<letter><n>, D or E)");
                }
            }

            for (var i = 0; i < requiredFigures.Length; i++)
            {
                if (figure.Equals(requiredFigures[i], StringComparison.OrdinalIgnoreCase))
                {
                    found |= 1UL << i;
                }
            }
        }

        for (var i = 0; i < requiredFigures.Length; i++)
        {
            if ((found & (1UL << i)) == 0)
            {
                var figure = requiredFigures[i];
                table.Report(row, Column, $"no source for {figure}: add '{figure}=S<n>' or mark it '{figure}=E' (estimate)");
            }
        }
    }

    [GeneratedRegex("^(S[0-9]+|S[A-Z][0-9]+|D|E)$")]
    private static partial Regex TagPattern();
}
