namespace Caravan.Core.Events;

/// <summary>One thing wrong with an event or a bundle, located by the JSON path of the field at fault (<c>$.equipmentReference</c>).</summary>
public sealed record EventProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
