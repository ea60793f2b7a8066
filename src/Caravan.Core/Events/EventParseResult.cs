namespace Caravan.Core.Events;

/// <summary>The outcome of reading an event's JSON: the event, or every problem found and no event.</summary>
public sealed record EventParseResult(ShipmentEvent? Event, IReadOnlyList<EventProblem> Problems)
{
    public bool Succeeded => Event is not null;
}
