using System.Globalization;

namespace Caravan.Core.Network.Csv;

/// <summary>
/// A CSV file with named columns, read row by row. Field readers record a <see cref="NetworkProblem"/> with file, line
/// and column for every value that does not parse, and return null so the caller can go on collecting problems.
/// The table owns its reader: dispose it when the rows have been read.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private readonly Dictionary<string, int> _columns;
    private readonly TextReader _reader;
    private readonly int _headerFields;
    private IEnumerator<CsvRecord>? _records;

    private CsvTable(string file, Dictionary<string, int> columns, int headerFields, TextReader reader, IEnumerator<CsvRecord> records, List<NetworkProblem> problems)
    {
        File = file;
        _columns = columns;
        _headerFields = headerFields;
        _reader = reader;
        _records = records;
        Problems = problems;
    }

    public string File { get; }

    public List<NetworkProblem> Problems { get; }

    /// <summary>The number of data rows read so far; all of them once <see cref="ReadRows"/> has been read to the end.</summary>
    public int RowCount { get; private set; }

    /// <summary>
    /// The data rows, parsed as they are enumerated, each in the same refilled <see cref="CsvRecord"/>; a table's rows
    /// can be read once. A row with more fields than the header is reported here.
    /// </summary>
    public IEnumerable<CsvRecord> ReadRows()
    {
        var records = _records ?? throw new InvalidOperationException($"The rows of {File} have been read already.");
        _records = null;
        return Enumerate(records);
    }

    /// <summary>
    /// Reads the header of a file and checks it has every required column. Null (and the reader disposed) when the
    /// header is unusable; otherwise the table takes the reader and reads its rows when they are enumerated.
    /// </summary>
    public static CsvTable? Read(TextReader reader, string file, IReadOnlyList<string> requiredColumns, List<NetworkProblem> problems)
    {
        var records = CsvParser.Records(reader, file, problems).GetEnumerator();
        if (!records.MoveNext())
        {
            problems.Add(new NetworkProblem(file, 1, 1, null, "the file is empty; it needs a header line"));
            Close(records, reader);
            return null;
        }

        var header = records.Current;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Length; i++)
        {
            if (!columns.TryAdd(header.Fields[i], i))
            {
                problems.Add(new NetworkProblem(file, header.Line, i + 1, header.Fields[i], "the column appears twice in the header"));
            }
        }

        var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        foreach (var column in missing)
        {
            problems.Add(new NetworkProblem(file, header.Line, header.Fields.Length + 1, column, "required column is missing from the header"));
        }

        if (missing.Count > 0)
        {
            Close(records, reader);
            return null;
        }

        return new CsvTable(file, columns, header.Fields.Length, reader, records, problems);
    }

    /// <summary>Reads the rows nobody read (a file whose partner file is missing), so their own problems are still reported.</summary>
    public void ReadRemainingRows()
    {
        if (_records is not null)
        {
            foreach (var unused in ReadRows())
            {
            }
        }
    }

    public void Dispose()
    {
        _records?.Dispose();
        _records = null;
        _reader.Dispose();
    }

    public int ColumnOf(string column) => _columns.TryGetValue(column, out var i) ? i + 1 : 1;

    /// <summary>The trimmed text of a field; empty when the row is short or the column is absent.</summary>
    public string Text(CsvRecord row, string column) =>
        _columns.TryGetValue(column, out var i) && i < row.Fields.Length ? row.Fields[i] : string.Empty;

    public void Report(CsvRecord row, string column, string message) => Report(row.Line, column, message);

    /// <summary>Reports a problem on a row read earlier, by its line.</summary>
    public void Report(int line, string column, string message) =>
        Problems.Add(new NetworkProblem(File, line, ColumnOf(column), column, message));

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

    private static void Close(IEnumerator<CsvRecord> records, TextReader reader)
    {
        records.Dispose();
        reader.Dispose();
    }

    private IEnumerable<CsvRecord> Enumerate(IEnumerator<CsvRecord> records)
    {
        using (records)
        {
            while (records.MoveNext())
            {
                var row = records.Current;
                RowCount++;
                if (row.Fields.Length > _headerFields)
                {
                    Problems.Add(new NetworkProblem(File, row.Line, _headerFields + 1, null, $"the row has {row.Fields.Length} fields but the header has {_headerFields}"));
                }

                yield return row;
            }
        }
    }
}
