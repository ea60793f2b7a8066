namespace Caravan.Core.Events;

/// <summary>Whether the container was empty or laden at an EQUIPMENT event (DCSA <c>emptyIndicatorCode</c>).</summary>
public enum EmptyIndicatorCode
{
    /// <summary>Empty.</summary>
    EMPTY,

    /// <summary>Laden.</summary>
    LADEN,
}
