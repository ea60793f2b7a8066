namespace Caravan.Cli.Input;

/// <summary>Values of a list option, given comma-separated (RU,BY), repeated, or both; blanks dropped.</summary>
public static class CommaList
{
    public static IReadOnlyList<string> Items(IEnumerable<string>? values) =>
        values is null
            ? []
            : values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
