using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Caravan.Core.Events;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): one byte sequence for every JSON value, so that a signature or a
/// hash over it does not depend on member order, whitespace or escaping. Object members are sorted by UTF-16
/// code units, strings are escaped as ECMAScript's JSON.stringify does, numbers are written as ES
/// <c>Number.prototype.toString</c>. Input with duplicate member names, lone surrogates or numbers that are not
/// finite doubles is refused with a reason, never silently repaired.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    // Every event posted is canonicalised: the exact-size copy of this buffer is the only array it allocates.
    private static readonly PerThreadBuffer Buffer = new(4096);

    /// <summary>Canonicalises UTF-8 JSON text.</summary>
    /// <param name="utf8Json">One JSON value (RFC 8259); no comments or trailing commas.</param>
    /// <param name="canonical">The canonical UTF-8 bytes on success.</param>
    /// <param name="error">Null on success; otherwise where (a JSON path such as <c>$.a[2]</c>) and what is wrong.</param>
    public static bool TryCanonicalize(
        ReadOnlyMemory<byte> utf8Json,
        [NotNullWhen(true)] out byte[]? canonical,
        [NotNullWhen(false)] out string? error)
    {
        canonical = null;
        if (!TryParseDocument(utf8Json, out var document, out error))
        {
            return false;
        }

        using (document)
        {
            return TryCanonicalize(document.RootElement, out canonical, out error);
        }
    }

    /// <summary>Canonicalises a parsed JSON value (a <see cref="JsonDocument"/> keeps duplicate names, so they are checked here too).</summary>
    public static bool TryCanonicalize(
        JsonElement element,
        [NotNullWhen(true)] out byte[]? canonical,
        [NotNullWhen(false)] out string? error)
    {
        var buffer = Buffer.Take();
        var relativeError = Write(element, buffer);
        error = relativeError is null ? null : "$" + relativeError;
        canonical = error is null ? buffer.WrittenSpan.ToArray() : null;
        return error is null;
    }

    /// <summary>Canonicalises UTF-8 JSON text, throwing on input that has no canonical form.</summary>
    /// <exception cref="FormatException">The text is not JSON or has no canonical form; the message says why.</exception>
    public static byte[] Canonicalize(ReadOnlyMemory<byte> utf8Json) =>
        TryCanonicalize(utf8Json, out var canonical, out var error) ? canonical : throw new FormatException(error);

    /// <summary>True when the text is already in canonical form, byte for byte.</summary>
    public static bool IsCanonical(ReadOnlyMemory<byte> utf8Json) =>
        TryCanonicalize(utf8Json, out var canonical, out _) && utf8Json.Span.SequenceEqual(canonical);

    internal static bool TryParseDocument(
        ReadOnlyMemory<byte> utf8Json,
        [NotNullWhen(true)] out JsonDocument? document,
        [NotNullWhen(false)] out string? error)
    {
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            // Bad input is an expected failure: the parser's message (with line and byte position) is the reason.
            document = null;
            error = $"not JSON: {e.Message}";
            return false;
        }
    }

    // Errors are returned relative to the element ("['k'][2]: reason") and prefixed on the way out, so a path
    // string is built only when something is wrong.
    private static string? Write(JsonElement element, IBufferWriter<byte> output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return WriteObject(element, output);
            case JsonValueKind.Array:
                output.Write("["u8);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index > 0)
                    {
                        output.Write(","u8);
                    }

                    if (Write(item, output) is { } error)
                    {
                        return $"[{index}]{error}";
                    }

                    index++;
                }

                output.Write("]"u8);
                return null;
            case JsonValueKind.String:
                if (TryWriteRawString(element, output))
                {
                    return null;
                }

                return TryGetString(element, out var value) && WriteEscaped(value, output)
                    ? null
                    : ": the string holds a lone UTF-16 surrogate";
            case JsonValueKind.Number:
                // RFC 8785 §3.2.2.3: numbers are IEEE 754 doubles; anything beyond their range has no canonical form.
                if (!element.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    return $": the number {element.GetRawText()} is outside the range of an IEEE 754 double";
                }

                Encoding.ASCII.GetBytes(EcmaNumber.Format(number), output);
                return null;
            case JsonValueKind.True:
                output.Write("true"u8);
                return null;
            case JsonValueKind.False:
                output.Write("false"u8);
                return null;
            case JsonValueKind.Null:
                output.Write("null"u8);
                return null;
            default:
                throw new ArgumentException($"A JSON value of kind {element.ValueKind} cannot be canonicalised.", nameof(element));
        }
    }

    private static string? WriteObject(JsonElement element, IBufferWriter<byte> output)
    {
        var members = new (string Name, JsonElement Value)[element.GetPropertyCount()];
        var count = 0;
        var sorted = true;
        foreach (var property in element.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json refuses to unescape a lone surrogate; RFC 8785 §3.2.2.2 has no form for one either.
                return ": a member name holds a lone UTF-16 surrogate";
            }

            sorted &= count == 0 || string.CompareOrdinal(members[count - 1].Name, name) < 0;
            members[count++] = (name, property.Value);
        }

        // RFC 8785 §3.2.3: members sorted by their names as arrays of UTF-16 code units (ordinal string order).
        if (!sorted)
        {
            Array.Sort(members, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        }

        output.Write("{"u8);
        for (var i = 0; i < members.Length; i++)
        {
            var (name, value) = members[i];
            if (i > 0)
            {
                if (string.Equals(members[i - 1].Name, name, StringComparison.Ordinal))
                {
                    return $"{MemberPath(name)}: the member name appears more than once";
                }

                output.Write(","u8);
            }

            if (!WriteEscaped(name, output))
            {
                return ": a member name holds a lone UTF-16 surrogate";
            }

            output.Write(":"u8);
            if (Write(value, output) is { } error)
            {
                return MemberPath(name) + error;
            }
        }

        output.Write("}"u8);
        return null;
    }

    // A string written without any escape is already in canonical form once its bytes are valid UTF-8: JSON forbids
    // raw quotes and control characters inside it, and RFC 8785 writes every other character as itself. Copying it
    // spares a string per value; a string with escapes is decoded and re-escaped the canonical way.
    private static bool TryWriteRawString(JsonElement element, IBufferWriter<byte> output)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length < 2 || raw[0] != (byte)'"' || raw[^1] != (byte)'"')
        {
            return false;
        }

        var content = raw[1..^1];
        if (content.Contains((byte)'\\') || !Utf8.IsValid(content))
        {
            return false;
        }

        output.Write(raw);
        return true;
    }

    private static bool TryGetString(JsonElement element, [NotNullWhen(true)] out string? value)
    {
        try
        {
            value = element.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to unescape a lone surrogate (\uD800) into a string: bad input, reported as such.
            value = null;
            return false;
        }
    }

    // RFC 8785 §3.2.2.2 (ES JSON.stringify): escape " and \, the five short control escapes, other controls as
    // \u00xx in lower-case hex; every other character, '/' and non-ASCII included, is written as UTF-8. False when
    // the string holds a lone surrogate, which has no UTF-8 form.
    internal static bool WriteEscaped(string value, IBufferWriter<byte> output)
    {
        output.Write("\""u8);
        var run = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
                continue;
            }

            if (c >= ' ' && c != '"' && c != '\\')
            {
                continue;
            }

            Encoding.UTF8.GetBytes(value.AsSpan(run, i - run), output);
            run = i + 1;
            switch (c)
            {
                case '"': output.Write("\\\""u8); break;
                case '\\': output.Write("\\\\"u8); break;
                case '\b': output.Write("\\b"u8); break;
                case '\f': output.Write("\\f"u8); break;
                case '\n': output.Write("\\n"u8); break;
                case '\r': output.Write("\\r"u8); break;
                case '\t': output.Write("\\t"u8); break;
                default: Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"), output); break;
            }
        }

        Encoding.UTF8.GetBytes(value.AsSpan(run), output);
        output.Write("\""u8);
        return true;
    }

    private static string MemberPath(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $".{name}"
            : $"['{name}']";
}
