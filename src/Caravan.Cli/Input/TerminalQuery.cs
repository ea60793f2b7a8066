using Caravan.Core.Network;

namespace Caravan.Cli.Input;

/// <summary>Finds the one terminal a user means by a LOCODE or a name, or says why it cannot.</summary>
public static class TerminalQuery
{
    private const int CandidatesShown = 8;

    /// <summary>The terminal meant by <paramref name="text"/>, or null with a one-line <paramref name="error"/> naming <paramref name="option"/>.</summary>
    public static Terminal? Resolve(CorridorNetwork network, string text, string option, out string? error)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"{option} is empty; give a UN/LOCODE (e.g. CNCKG) or a terminal name";
            return null;
        }

        var matches = network.ResolveTerminal(text.Trim());
        if (matches.Count == 1)
        {
            return matches[0];
        }

        if (matches.Count == 0)
        {
            error = $"{option} '{text}': no terminal has this code or name (see 'caravan network show')";
            return null;
        }

        var shown = string.Join(", ", matches.Take(CandidatesShown).Select(t => $"{t.Name} ({t.Locode})"));
        var more = matches.Count > CandidatesShown ? $" and {matches.Count - CandidatesShown} more" : string.Empty;
        error = $"{option} '{text}' is ambiguous: {shown}{more}; give the LOCODE";
        return null;
    }
}
