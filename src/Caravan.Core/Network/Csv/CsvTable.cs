using System.Globalization;

namespace Caravan.Core.Network.Csv;

/// <summary>
/// A parsed CSV file with named columns. Field readers record a <see cref="NetworkProblem"/> with file, line
/// and column for every value that does not parse, and return null so the caller can go on collecting problems.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, Dictionary<string, int> columns, IReadOnlyList<CsvRecord> rows, List<NetworkProblem> problems)
    {
        File = file;
        _columns = columns;
        Rows = rows;
        Problems = problems;
    }

    public string File { get; }

    public IReadOnlyList<CsvRecord> Rows { get; }

    public List<NetworkProblem> Problems { get; }

    /// <summary>Parses a file and checks its header has every required column. Null when the header is unusable.</summary>
    public static CsvTable? Read(TextReader reader, string file, IReadOnlyList<string> requiredColumns, List<NetworkProblem> problems)
    {
        var records = CsvParser.Parse(reader, file, problems);
        if (records.Count == 0)
        {
            problems.Add(new NetworkProblem(file, 1, 1, null, "the file is empty; it needs a header line"));
            return null;
        }

        var header = records[0];
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            if (!columns.TryAdd(header.Fields[i], i))
            {
                problems.Add(new NetworkProblem(file, header.Line, i + 1, header.Fields[i], "the column appears twice in the header"));
            }
        }

        var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        foreach (var column in missing)
        {
            problems.Add(new NetworkProblem(file, header.Line, header.Fields.Count + 1, column, "required column is missing from the header"));
        }

        if (missing.Count > 0)
        {
            return null;
        }

        var rows = records.Skip(1).ToList();
        foreach (var row in rows.Where(r => r.Fields.Count > header.Fields.Count))
        {
            problems.Add(new NetworkProblem(file, row.Line, header.Fields.Count + 1, null, $"the row has {row.Fields.Count} fields but the header has {header.Fields.Count}"));
        }

        return new CsvTable(file, columns, rows, problems);
    }

    public int ColumnOf(string column) => _columns.TryGetValue(column, out var i) ? i + 1 : 1;

    /// <summary>The trimmed text of a field; empty when the row is short or the column is absent.</summary>
    public string Text(CsvRecord row, string column) =>
        _columns.TryGetValue(column, out var i) && i < row.Fields.Count ? row.Fields[i] : string.Empty;

    public void Report(CsvRecord row, string column, string message) =>
        Problems.Add(new NetworkProblem(File, row.Line, ColumnOf(column), column, message));

    public string? Required(CsvRecord row, string column)
    {
        var text = Text(row, column);
        if (text.Length == 0)
        {
            Report(row, column, "a value is required");
            return null;
        }

        return text;
    }

    /// <summary>A finite decimal number, at least <paramref name="min"/>; null (and a problem when required) otherwise.</summary>
    public double? Number(CsvRecord row, string column, double min = double.NegativeInfinity, bool required = true, bool positive = false)
    {
        var text = Text(row, column);
        if (text.Length == 0)
        {
            if (required)
            {
                Report(row, column, "a number is required");
            }

            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Report(row, column, $"'{text}' is not a number");
            return null;
        }

        if (value < min)
        {
            Report(row, column, min == 0 ? $"must not be negative, got {text}" : $"must be at least {min.ToString(CultureInfo.InvariantCulture)}, got {text}");
            return null;
        }

        if (positive && value <= 0)
        {
            Report(row, column, $"must be greater than zero, got {text}");
            return null;
        }

        return value;
    }

    public int? Integer(CsvRecord row, string column, int min, int max)
    {
        var text = Text(row, column);
        if (text.Length == 0)
        {
            Report(row, column, "a whole number is required");
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Report(row, column, $"'{text}' is not a whole number");
            return null;
        }

        if (value < min || value > max)
        {
            Report(row, column, $"{value} is out of range {min}–{max}");
            return null;
        }

        return value;
    }

    /// <summary>A value from a fixed vocabulary, matched case-insensitively.</summary>
    public T? Choice<T>(CsvRecord row, string column, IReadOnlyDictionary<string, T> vocabulary, bool required = true)
        where T : struct
    {
        var text = Text(row, column);
        if (text.Length == 0)
        {
            if (required)
            {
                Report(row, column, $"a value is required (one of {string.Join(", ", vocabulary.Keys)})");
            }

            return null;
        }

        if (vocabulary.TryGetValue(text, out var value))
        {
            return value;
        }

        Report(row, column, $"'{text}' is not one of {string.Join(", ", vocabulary.Keys)}");
        return null;
    }
}
