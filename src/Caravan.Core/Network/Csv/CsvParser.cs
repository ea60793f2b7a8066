namespace Caravan.Core.Network.Csv;

/// <summary>
/// An RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks. Blank lines and lines whose
/// first character is '#' are skipped, as are rows of empty fields. Reports an unterminated quote as a problem, never throws on input.
/// Records are produced one at a time as the text is read in blocks, so a large file is never held whole.
/// </summary>
internal static class CsvParser
{
    /// <summary>
    /// The records of the text one by one, all in one <see cref="CsvRecord"/> refilled for each row (copy a record to
    /// keep it). An unterminated quote is reported when the reading reaches the end.
    /// </summary>
    public static IEnumerable<CsvRecord> Records(TextReader reader, string file, List<NetworkProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var input = new CsvInput(reader);
        var fields = new List<string>();
        var field = new FieldBuffer();
        var record = new CsvRecord(0, []);
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var atLineStart = true;
        var quotedField = false;

        int c;
        while ((c = input.Read()) != -1)
        {
            var ch = (char)c;
            if (atLineStart && !inQuotes)
            {
                if (ch == '#')
                {
                    input.SkipLine();
                    line++;
                    continue;
                }

                if (ch is '\n' or '\r')
                {
                    if (ch == '\r' && input.Peek() == '\n')
                    {
                        input.Read();
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
                    if (input.Peek() == '"')
                    {
                        input.Read();
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
                    fields.Add(field.Finish(quotedField));
                    quotedField = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.Finish(quotedField));
                    quotedField = false;
                    if (HasValue(fields))
                    {
                        record.Refill(recordLine, fields);
                        yield return record;
                    }

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
            yield break;
        }

        if (!atLineStart)
        {
            fields.Add(field.Finish(quotedField));
            if (HasValue(fields))
            {
                record.Refill(recordLine, fields);
                yield return record;
            }
        }
    }

    /// <summary>Rows whose every field is empty (",,,", as spreadsheets export blank rows) are skipped like blank lines.</summary>
    private static bool HasValue(List<string> fields) => fields.Exists(f => f.Length > 0);

    /// <summary>
    /// The text read in blocks, one character at a time without a call into the reader per character. A byte-order
    /// mark at the very start (left in by a reader that does not detect encodings) is skipped, not read as data.
    /// </summary>
    private sealed class CsvInput
    {
        private const char ByteOrderMark = '\uFEFF';
        private readonly char[] _buffer = new char[1 << 15];
        private readonly TextReader _reader;
        private int _position;
        private int _length;

        public CsvInput(TextReader reader)
        {
            _reader = reader;
            if (Fill() && _buffer[0] == ByteOrderMark)
            {
                _position = 1;
            }
        }

        public int Read() => _position < _length || Fill() ? _buffer[_position++] : -1;

        public int Peek() => _position < _length || Fill() ? _buffer[_position] : -1;

        public void SkipLine()
        {
            while (_position < _length || Fill())
            {
                var rest = _buffer.AsSpan(_position, _length - _position);
                var end = rest.IndexOf('\n');
                if (end >= 0)
                {
                    _position += end + 1;
                    return;
                }

                _position = _length;
            }
        }

        private bool Fill()
        {
            _length = _reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            return _length > 0;
        }
    }

    /// <summary>
    /// The characters of the field being read. A finished field's text is shared with earlier equal fields of the
    /// same file (service ids, weekdays, times, modes repeat row after row), so a repeated value costs no new string.
    /// </summary>
    private sealed class FieldBuffer
    {
        private const int MaxSharedLength = 64;
        private readonly string?[] _shared = new string?[4096];
        private char[] _chars = new char[256];

        public int Length { get; private set; }

        public void Append(char ch)
        {
            if (Length == _chars.Length)
            {
                Array.Resize(ref _chars, _chars.Length * 2);
            }

            _chars[Length++] = ch;
        }

        public string Finish(bool quoted)
        {
            var text = _chars.AsSpan(0, Length);
            if (!quoted)
            {
                text = text.Trim();
            }

            Length = 0;
            if (text.IsEmpty)
            {
                return string.Empty;
            }

            if (text.Length > MaxSharedLength)
            {
                return new string(text);
            }

            ref var slot = ref _shared[string.GetHashCode(text) & (_shared.Length - 1)];
            if (slot is null || !text.SequenceEqual(slot))
            {
                slot = new string(text);
            }

            return slot;
        }
    }
}
