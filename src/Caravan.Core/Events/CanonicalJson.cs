using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

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
        var buffer = new ArrayBufferWriter<byte>(256);
        error = Write(element, buffer, "$");
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

    private static string? Write(JsonElement element, IBufferWriter<byte> output, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return WriteObject(element, output, path);
            case JsonValueKind.Array:
                output.Write("["u8);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index > 0)
                    {
                        output.Write(","u8);
                    }

                    if (Write(item, output, $"{path}[{index}]") is { } error)
                    {
                        return error;
                    }

                    index++;
                }

                output.Write("]"u8);
                return null;
            case JsonValueKind.String:
                return WriteString(element, output, path);
            case JsonValueKind.Number:
                // RFC 8785 §3.2.2.3: numbers are IEEE 754 doubles; anything beyond their range has no canonical form.
                if (!element.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    return $"{path}: the number {element.GetRawText()} is outside the range of an IEEE 754 double";
                }

                output.Write(Encoding.ASCII.GetBytes(EcmaNumber.Format(number)));
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

    private static string? WriteObject(JsonElement element, IBufferWriter<byte> output, string path)
    {
        var members = new List<JsonProperty>();
        foreach (var property in element.EnumerateObject())
        {
            members.Add(property);
        }

        var names = new string[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            if (!TryGetString(() => members[i].Name, out var name))
            {
                return $"{path}: a member name holds a lone UTF-16 surrogate";
            }

            names[i] = name;
        }

        // RFC 8785 §3.2.3: members sorted by their names as arrays of UTF-16 code units (ordinal string order).
        var order = Enumerable.Range(0, members.Count).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(names[a], names[b]));
        output.Write("{"u8);
        for (var i = 0; i < order.Length; i++)
        {
            var name = names[order[i]];
            if (i > 0)
            {
                if (string.Equals(names[order[i - 1]], name, StringComparison.Ordinal))
                {
                    return $"{MemberPath(path, name)}: the member name appears more than once";
                }

                output.Write(","u8);
            }

            WriteEscaped(name, output);
            output.Write(":"u8);
            if (Write(members[order[i]].Value, output, MemberPath(path, name)) is { } error)
            {
                return error;
            }
        }

        output.Write("}"u8);
        return null;
    }

    private static string? WriteString(JsonElement element, IBufferWriter<byte> output, string path)
    {
        if (!TryGetString(element.GetString, out var value))
        {
            return $"{path}: the string holds a lone UTF-16 surrogate";
        }

        WriteEscaped(value, output);
        return null;
    }

    // System.Text.Json refuses to unescape a lone surrogate (\uD800) into a string; RFC 8785 §3.2.2.2 has no
    // form for one either, so it is bad input, reported as such.
    private static bool TryGetString(Func<string?> read, [NotNullWhen(true)] out string? value)
    {
        try
        {
            value = read() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    // RFC 8785 §3.2.2.2 (ES JSON.stringify): escape " and \, the five short control escapes, other controls as
    // \u00xx in lower-case hex; every other character, '/' and non-ASCII included, is written as UTF-8.
    internal static void WriteEscaped(string value, IBufferWriter<byte> output)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
        output.Write(Encoding.UTF8.GetBytes(builder.ToString()));
    }

    private static string MemberPath(string path, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && name.Length > 0 && !char.IsAsciiDigit(name[0])
            ? $"{path}.{name}"
            : $"{path}['{name}']";
}
