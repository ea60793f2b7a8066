namespace Caravan.Core.Events;

/// <summary>The outcome of reading a bundle file: the bundle, or every problem found (each naming its JSON path) and no bundle.</summary>
public sealed record BundleReadResult(EventBundle? Bundle, IReadOnlyList<EventProblem> Problems)
{
    public bool Succeeded => Bundle is not null;
}
