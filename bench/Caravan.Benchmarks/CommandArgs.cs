using System.Globalization;

namespace Caravan.Benchmarks;

/// <summary>The options of a bench mode: <c>--name value</c> pairs and bare <c>--flag</c>s, in any order.</summary>
internal sealed class CommandArgs(IReadOnlyList<string> args)
{
    private readonly List<string> _args = [.. args];

    /// <summary>The value after <paramref name="name"/>; null when the option is absent or has no value.</summary>
    public string? Value(string name) => _args.IndexOf(name) is var i and >= 0 && i + 1 < _args.Count ? _args[i + 1] : null;

    /// <summary>The whole number after <paramref name="name"/>, or <paramref name="fallback"/> when the option is absent.</summary>
    public int Int(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public bool Has(string flag) => _args.Contains(flag);
}
