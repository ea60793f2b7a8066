using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Caravan.Core.Tests.Network;

/// <summary>Every valid network loads, whatever its shape: checked on random line networks.</summary>
public sealed class RandomNetworkLoadingProperties
{
    [Property(MaxTest = 200)]
    public Property A_random_valid_line_network_always_loads_with_every_record() =>
        Prop.ForAll(RandomLineNetwork.Generator.ToArbitrary(), spec =>
        {
            var result = spec.ToFiles().Load();
            LoadAssert.Loads(result);
            var network = result.Network!;

            Assert.Equal(Enumerable.Range(0, spec.TerminalCount).Select(spec.Locode), network.Terminals.Select(t => t.Locode.Value));
            Assert.Equal(spec.LinkCount, network.Links.Count);
            Assert.Equal(spec.Kilometres, network.Links.Where(l => l.Id.StartsWith("rail-", StringComparison.Ordinal)).Select(l => l.DistanceKm));
            Assert.Equal(spec.Services.Count, network.Services.Count);
            Assert.Equal(spec.Services.Select(s => s.StopCount), network.Services.Select(s => s.Stops.Count));
            Assert.Equal(spec.Services.Select(s => s.Departures.Count), network.Services.Select(s => s.Departures.Count));
            Assert.All(network.Services, s => Assert.Equal(s.Departures.OrderBy(d => d.MinuteOfWeek), s.Departures));
        });
}
