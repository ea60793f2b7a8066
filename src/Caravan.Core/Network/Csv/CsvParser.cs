using System.Text;

namespace Caravan.Core.Network.Csv;

/// <summary>
/// An RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks. Blank lines and lines whose
/// first character is '#' are skipped, as are rows of empty fields. Reports an unterminated quote as a problem, never throws on input.
/// </summary>
internal static class CsvParser
{
    public static List<CsvRecord> Parse(TextReader reader, string file, List<NetworkProblem> problems)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var atLineStart = true;
        var quotedField = false;

        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (atLineStart && !inQuotes)
            {
                if (ch == '#')
                {
                    SkipLine(reader);
                    line++;
                    continue;
                }

                if (ch is '\n' or '\r')
                {
                    if (ch == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    line++;
                    continue;
                }

                atLineStart = false;
                recordLine = line;
            }

            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0 && !quotedField:
                    inQuotes = true;
                    quotedField = true;
                    break;
                case ',':
                    fields.Add(Finish(field, quotedField));
                    quotedField = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(Finish(field, quotedField));
                    quotedField = false;
                    AddUnlessBlank(records, recordLine, fields);
                    fields.Clear();
                    line++;
                    atLineStart = true;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (inQuotes)
        {
            problems.Add(new NetworkProblem(file, recordLine, fields.Count + 1, null, "a quoted field is not closed before the end of the file"));
            return records;
        }

        if (!atLineStart)
        {
            fields.Add(Finish(field, quotedField));
            AddUnlessBlank(records, recordLine, fields);
        }

        return records;
    }

    /// <summary>Rows whose every field is empty (",,,", as spreadsheets export blank rows) are skipped like blank lines.</summary>
    private static void AddUnlessBlank(List<CsvRecord> records, int line, List<string> fields)
    {
        if (fields.Exists(f => f.Length > 0))
        {
            records.Add(new CsvRecord(line, fields.ToArray()));
        }
    }

    private static string Finish(StringBuilder field, bool quoted)
    {
        var text = quoted ? field.ToString() : field.ToString().Trim();
        field.Clear();
        return text;
    }

    private static void SkipLine(TextReader reader)
    {
        int c;
        while ((c = reader.Read()) != -1 && c != '\n')
        {
        }
    }
}
