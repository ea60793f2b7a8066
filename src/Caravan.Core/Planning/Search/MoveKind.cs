namespace Caravan.Core.Planning.Search;

/// <summary>The last move of a label.</summary>
internal enum MoveKind : byte
{
    Origin,
    Continuous,
    Ride,
}
