namespace Caravan.Server.Demo;

/// <summary>
/// What one demo seeding created — the parties with their custodial keys and tokens, and the shipments with their
/// signed events — for <see cref="DemoSeeder.RecordStoryAsync"/> to register and record. Disposing it clears the keys.
/// </summary>
public sealed class DemoSeedResult(DateTimeOffset seededAt, IReadOnlyList<DemoSeededParty> parties, IReadOnlyList<DemoShipment> shipments) : IDisposable
{
    /// <summary>When the demo was seeded (UTC): the parties' and keys' registration time.</summary>
    public DateTimeOffset SeededAt { get; } = seededAt;

    /// <summary>The demo parties in <see cref="DemoParties.All"/> order, the forwarder first.</summary>
    public IReadOnlyList<DemoSeededParty> Parties { get; } = parties;

    /// <summary>The stored shipments, each with its signed events in recording order.</summary>
    public IReadOnlyList<DemoShipment> Shipments { get; } = shipments;

    /// <summary>How many signed events the shipments hold in all.</summary>
    public int EventCount => Shipments.Sum(s => s.Events.Count);

    public void Dispose()
    {
        foreach (var party in Parties)
        {
            party.Key.Dispose();
        }
    }
}
