namespace Caravan.Core.Alerts;

/// <summary>
/// A rule's judgement of one reading: its <see cref="AlertLevel"/>, and in words what it saw
/// (<c>"-12.4 °C, outside 2 – 8 °C"</c>), for the alert's detail.
/// </summary>
public sealed record AlertObservation(AlertLevel Level, string Detail)
{
    /// <summary>The reading says nothing for this rule.</summary>
    public static readonly AlertObservation Silent = new(AlertLevel.Unknown, string.Empty);
}
