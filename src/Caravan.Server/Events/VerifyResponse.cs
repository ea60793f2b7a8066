namespace Caravan.Server.Events;

/// <summary>The answer of <c>/verify</c>: whether every signature and link of the stored chain holds, and if not, where it first breaks.</summary>
public sealed record VerifyResponse(bool Intact, int EntriesChecked, ChainBreakResponse? FirstBroken);
