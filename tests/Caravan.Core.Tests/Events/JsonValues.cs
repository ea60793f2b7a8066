using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Caravan.Core.Tests.Events;

/// <summary>
/// Random JSON values for the canonicalisation properties: nested objects and arrays, strings with controls,
/// quotes, non-ASCII and astral characters, and doubles from every range. Each value writes itself as JSON text
/// in two member orders with different escaping and spacing, and compares itself with a parsed value.
/// </summary>
internal abstract record JsonValues
{
    public static Arbitrary<JsonValues> Arbitrary { get; } = Gen.Sized(size => Tree(Math.Min(size, 12))).ToArbitrary();

    public abstract void Write(StringBuilder output, bool reverse);

    public abstract bool SameAs(JsonElement element);

    public string ToJson(bool reverse)
    {
        var output = new StringBuilder();
        Write(output, reverse);
        return output.ToString();
    }

    private static Gen<JsonValues> Tree(int size)
    {
        var leaves = Gen.OneOf(
            Gen.Elements<JsonValues>(new Literal("null"), new Literal("true"), new Literal("false")),
            Numbers().Select(n => (JsonValues)new Number(n)),
            Strings().Select(s => (JsonValues)new Text(s)));
        if (size <= 1)
        {
            return leaves;
        }

        var child = Gen.Sized(_ => Tree(size / 2));
        var array = child.ListOf().Select(items => (JsonValues)new Array([.. items.Take(5)]));
        var obj =
            from names in Strings().ListOf()
            from values in child.ArrayOf(5)
            select (JsonValues)new Object([.. names.Distinct(StringComparer.Ordinal).Take(5).Select((n, i) => (n, values[i]))]);
        return Gen.Frequency((2, leaves), (1, array), (1, obj));
    }

    private static Gen<double> Numbers() =>
        Gen.OneOf(
            Gen.Choose(-1000, 1000).Select(i => (double)i),
            ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => f.Get),
            ArbMap.Default.GeneratorFor<long>().Select(bits => BitConverter.Int64BitsToDouble(bits)).Where(double.IsFinite),
            Gen.Choose(-30, 30).Select(e => Math.Pow(10, e)));

    private static Gen<string> Strings()
    {
        char[] alphabet = ['a', 'b', 'Z', '1', ' ', '"', '\\', '/', '\n', '\t', '\u0001', '\u001f', '\u007f', 'é', 'ö', '€', 'דּ', '\u2028', 'Я'];
        var piece = Gen.OneOf(Gen.Elements(alphabet).Select(c => c.ToString()), Gen.Constant("😀"));
        return piece.ListOf().Select(parts => string.Concat(parts.Take(8)));
    }

    private static void WriteString(StringBuilder output, string value, bool escapeAll)
    {
        output.Append('"');
        foreach (var c in value)
        {
            if (escapeAll || c < ' ' || c is '"' or '\\')
            {
                output.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                output.Append(c);
            }
        }

        output.Append('"');
    }

    private sealed record Literal(string Json) : JsonValues
    {
        public override void Write(StringBuilder output, bool reverse) => output.Append(Json);

        public override bool SameAs(JsonElement element) => element.GetRawText() == Json;
    }

    private sealed record Number(double Value) : JsonValues
    {
        public override void Write(StringBuilder output, bool reverse) =>
            output.Append(Value.ToString(reverse ? "E17" : "R", CultureInfo.InvariantCulture));

        public override bool SameAs(JsonElement element) =>
            element.ValueKind == JsonValueKind.Number && element.GetDouble().Equals(Value == 0 ? 0.0 : Value);
    }

    private sealed record Text(string Value) : JsonValues
    {
        public override void Write(StringBuilder output, bool reverse) => WriteString(output, Value, escapeAll: reverse);

        public override bool SameAs(JsonElement element) =>
            element.ValueKind == JsonValueKind.String && element.GetString() == Value;
    }

    private sealed record Array(JsonValues[] Items) : JsonValues
    {
        public override void Write(StringBuilder output, bool reverse)
        {
            output.Append(reverse ? "[ " : "[");
            for (var i = 0; i < Items.Length; i++)
            {
                output.Append(i > 0 ? (reverse ? " ,\n" : ",") : string.Empty);
                Items[i].Write(output, reverse);
            }

            output.Append(']');
        }

        public override bool SameAs(JsonElement element) =>
            element.ValueKind == JsonValueKind.Array
            && element.GetArrayLength() == Items.Length
            && element.EnumerateArray().Zip(Items).All(pair => pair.Second.SameAs(pair.First));
    }

    private sealed record Object((string Name, JsonValues Value)[] Members) : JsonValues
    {
        public override void Write(StringBuilder output, bool reverse)
        {
            output.Append('{');
            var members = reverse ? Members.Reverse().ToArray() : Members;
            for (var i = 0; i < members.Length; i++)
            {
                output.Append(i > 0 ? (reverse ? " , " : ",") : string.Empty);
                WriteString(output, members[i].Name, escapeAll: reverse);
                output.Append(reverse ? " : " : ":");
                members[i].Value.Write(output, reverse);
            }

            output.Append('}');
        }

        public override bool SameAs(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var parsed = element.EnumerateObject().ToList();
            return parsed.Count == Members.Length
                && Members.All(m => parsed.Count(p => p.Name == m.Name) == 1 && m.Value.SameAs(parsed.Single(p => p.Name == m.Name).Value));
        }
    }
}
