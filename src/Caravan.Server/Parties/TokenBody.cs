namespace Caravan.Server.Parties;

/// <summary>A token to issue: a label saying what it is for (<c>"KTZ dispatch system"</c>); optional.</summary>
public sealed record TokenBody
{
    public string? Label { get; init; }
}
