namespace Caravan.Core.Alerts;

/// <summary>
/// A rule's judgement of one reading: the condition holds (<see cref="Raised"/>), clearly does not
/// (<see cref="Clear"/>), or the reading says nothing either way — the value was not reported, or it lies in the
/// hysteresis band between the two thresholds — and leaves the indication as it was (<see cref="Unknown"/>).
/// </summary>
public enum AlertLevel
{
    Unknown,
    Clear,
    Raised,
}
