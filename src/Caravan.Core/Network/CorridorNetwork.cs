using Caravan.Core.Geography;
using Caravan.Core.Shipments;

namespace Caravan.Core.Network;

/// <summary>
/// An immutable corridor network compiled for search: terminals, links and services as records for people,
/// and flat arrays (adjacency offsets, departure tables sorted by minute of week) for the planner, so a query
/// touches contiguous memory and allocates little. Build it with <see cref="CorridorNetworkLoader"/> or
/// <see cref="Compile"/>.
/// </summary>
public sealed partial class CorridorNetwork
{
    /// <summary>Minutes in a week: timetables repeat with this period.</summary>
    internal const int MinutesPerWeek = 7 * 24 * 60;

    private readonly Dictionary<Locode, int> _terminalIndex;
    private readonly Dictionary<string, Corridor> _corridors;

    /// <summary>Each terminal's name as <see cref="PlaceNames.Fold"/> folds it, for <see cref="ResolveTerminal"/>: folded once, on first use.</summary>
    private readonly Lazy<(Terminal Terminal, string Name)[]> _foldedNames;

    private CorridorNetwork(
        IReadOnlyList<Terminal> terminals,
        IReadOnlyList<Link> links,
        IReadOnlyList<Service> services,
        IReadOnlyList<Corridor> corridors,
        ReferenceData reference)
    {
        Terminals = terminals;
        Links = links;
        Services = services;
        Corridors = corridors;
        Reference = reference;
        _terminalIndex = new Dictionary<Locode, int>(terminals.Count);
        for (var i = 0; i < terminals.Count; i++)
        {
            _terminalIndex.Add(terminals[i].Locode, i);
        }

        _corridors = corridors.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _foldedNames = new Lazy<(Terminal Terminal, string Name)[]>(() => [.. terminals.Select(t => (t, PlaceNames.Fold(t.Name)))]);
    }

    public IReadOnlyList<Terminal> Terminals { get; }

    public IReadOnlyList<Link> Links { get; }

    public IReadOnlyList<Service> Services { get; }

    public IReadOnlyList<Corridor> Corridors { get; }

    public ReferenceData Reference { get; }

    public Terminal? FindTerminal(Locode locode) =>
        _terminalIndex.TryGetValue(locode, out var i) ? Terminals[i] : null;

    public Corridor? FindCorridor(string? id) =>
        id is not null && _corridors.TryGetValue(id, out var corridor) ? corridor : null;

    public ContainerType? FindContainerType(string code) =>
        Reference.ContainerTypes.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Terminals a user may mean by <paramref name="query"/>: an exact code first, then an exact name, then names with
    /// the text as a whole word, then names containing it, compared as <see cref="PlaceNames.Fold"/> folds them (case, diacritics and apostrophes do
    /// not matter).
    /// </summary>
    public IReadOnlyList<Terminal> ResolveTerminal(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Locode.TryParse(query, out var locode) && FindTerminal(locode) is { } byCode)
        {
            return [byCode];
        }

        var folded = PlaceNames.Fold(query);
        var names = _foldedNames.Value;
        var exact = names.Where(n => n.Name == folded || n.Name.Split(" (")[0] == folded).Select(n => n.Terminal).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        // "Alat" is a word of "Baku International Sea Trade Port (Ələt / Alat)" but only the start of "Alashankou (Alataw
        // Pass)": a whole word matched goes before a part of one.
        var byWord = names.Where(n => Words(n.Name).Contains(folded, StringComparer.Ordinal)).Select(n => n.Terminal).ToList();
        return byWord.Count > 0 ? byWord : names.Where(n => n.Name.Contains(folded, StringComparison.Ordinal)).Select(n => n.Terminal).ToList();
    }

    private static string[] Words(string foldedName) =>
        foldedName.Split([' ', '(', ')', '/', ',', '-'], StringSplitOptions.RemoveEmptyEntries);

    internal int IndexOf(Locode locode) => _terminalIndex.TryGetValue(locode, out var i) ? i : -1;
}
