namespace Caravan.Core.Network;

/// <summary>
/// How operators are written, in a link's or a service's <c>operator</c> column and in an itinerary leg's operator:
/// names separated by <c>/</c>, for a joint service (<c>ADY / GR</c>) or a run over several operators' lines
/// (<c>KTZ / RZD / BCh / PKP</c>). A carrier's write rights on a shipment read a leg's operators this way.
/// </summary>
public static class OperatorNames
{
    /// <summary>The names in <paramref name="text"/>, trimmed, empty ones left out.</summary>
    public static string[] Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// The operators of several texts in the order met, each once: links <c>KTZ</c>, <c>KTZ / RZD</c>, <c>RZD</c> make
    /// <c>KTZ / RZD</c>.
    /// </summary>
    public static string Join(IEnumerable<string> texts) => string.Join(" / ", texts.SelectMany(Split).Distinct(StringComparer.Ordinal));
}
