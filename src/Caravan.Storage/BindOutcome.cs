namespace Caravan.Storage;

/// <summary>What became of a request to bind a device: bound, refused because a binding is open, or because it would overlap an earlier one.</summary>
public enum BindOutcome
{
    Bound,
    AlreadyBound,
    OverlapsEarlier,
}
