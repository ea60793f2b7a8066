namespace Caravan.Storage;

/// <summary>What appending readings did: how many were stored and how many were duplicates of a stored (device, time).</summary>
public readonly record struct ReadingAppendResult(int Stored, int Duplicates);
