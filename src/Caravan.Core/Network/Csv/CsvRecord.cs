namespace Caravan.Core.Network.Csv;

/// <summary>
/// One data row of a CSV file: its fields and the 1-based line it starts on. While a file is read the parser refills
/// one record row after row (and its field array while the rows keep the same width), so a reader takes what it needs
/// from a row before asking for the next one and keeps the <see cref="Line"/>, never the record.
/// </summary>
internal sealed class CsvRecord(int line, string[] fields)
{
    public int Line { get; private set; } = line;

    public string[] Fields { get; private set; } = fields;

    /// <summary>A copy that stays as it is while the parser reads on.</summary>
    public CsvRecord Copy() => new(Line, (string[])Fields.Clone());

    internal void Refill(int line, List<string> fields)
    {
        Line = line;
        if (Fields.Length != fields.Count)
        {
            Fields = new string[fields.Count];
        }

        fields.CopyTo(Fields);
    }
}
