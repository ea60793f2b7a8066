namespace Caravan.Storage;

/// <summary>A chain's length and last entry hash as recorded with each append, to compare a chain read back against.</summary>
public sealed record ChainHead(long Sequence, string EntryHash);
