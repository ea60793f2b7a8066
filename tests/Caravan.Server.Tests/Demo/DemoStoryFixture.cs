using Caravan.Core.Events;
using Caravan.Core.Planning;
using Caravan.Core.Shipments;
using Caravan.Server.Demo;
using Caravan.Server.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Caravan.Server.Tests.Demo;

/// <summary>The default network's planner, fixed keys for the demo parties, and the story told once at <see cref="Now"/> with <see cref="Seed"/>.</summary>
public sealed class DemoStoryFixture : IDisposable
{
    public const int Seed = 2026;

    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public DemoStoryFixture()
    {
        var provider = new CorridorNetworkProvider(Options.Create(new ServerOptions()), NullLogger<CorridorNetworkProvider>.Instance);
        Planner = provider.Planner(out var problem) ?? throw new InvalidOperationException(problem);
        Keys = FixedKeys();
        Shipments = DemoStory.Tell(Planner, Keys, Seed, new FakeTimeProvider(Now));
    }

    public RoutePlanner Planner { get; }

    public IReadOnlyDictionary<PartyId, EventSigningKey> Keys { get; }

    public IReadOnlyList<DemoShipment> Shipments { get; }

    /// <summary>One key per demo party from a fixed seed, so two stories can be compared byte for byte.</summary>
    public static Dictionary<PartyId, EventSigningKey> FixedKeys() =>
        DemoParties.All.Select((p, i) => (p.Id, Key: EventSigningKey.FromSeed(Enumerable.Repeat((byte)(i + 1), 32).ToArray())))
            .ToDictionary(k => k.Id, k => k.Key);

    public DemoShipment At(DemoStage stage) => Shipments.Single(s => s.Stage == stage);

    public void Dispose()
    {
        foreach (var key in Keys.Values)
        {
            key.Dispose();
        }
    }
}
