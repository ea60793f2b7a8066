namespace Caravan.Core.Events;

/// <summary>The outcome of verifying a chain: intact, or the first broken entry; and how many entries were checked.</summary>
/// <param name="EntriesChecked">Entries that passed every check before the first broken one (all of them when intact).</param>
/// <param name="FirstBroken">Null when intact.</param>
public sealed record ChainVerification(int EntriesChecked, ChainBreak? FirstBroken)
{
    public bool Intact => FirstBroken is null;
}
