namespace Caravan.Server.Json;

/// <summary>Enum values as the API writes them, camelCase (<c>terminalOperator</c>), and reads them, in any case but never as numbers.</summary>
public static class EnumText
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && char.IsAsciiLetter(text.Trim()[0])
            && Enum.TryParse(text.Trim().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    /// <summary>Every value of <typeparamref name="T"/> as the API writes it, comma-separated, for error messages.</summary>
    public static string All<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Of));
}
