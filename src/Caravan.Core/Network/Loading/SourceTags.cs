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

    public static void Check(CsvTable table, CsvRecord row, IEnumerable<string> requiredFigures)
    {
        var text = table.Text(row, Column);
        var figures = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                table.Report(row, Column, $"'{entry}' is not of the form figure=tags (e.g. distance=S43 or cost=E)");
                continue;
            }

            foreach (var tag in parts[1].Split('+', StringSplitOptions.TrimEntries))
            {
                if (!TagPattern().IsMatch(tag))
                {
                    table.Report(row, Column, $"'{tag}' in '{entry}' is not a source tag (S<n>, S<letter><n>, D or E)");
                }
            }

            figures.Add(parts[0]);
        }

        foreach (var figure in requiredFigures.Where(f => !figures.Contains(f)))
        {
            table.Report(row, Column, $"no source for {figure}: add '{figure}=S<n>' or mark it '{figure}=E' (estimate)");
        }
    }

    [GeneratedRegex("^(S[0-9]+|S[A-Z][0-9]+|D|E)$")]
    private static partial Regex TagPattern();
}
