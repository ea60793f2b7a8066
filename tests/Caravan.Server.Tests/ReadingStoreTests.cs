using Caravan.Core.Geography;
using Caravan.Core.Telemetry;
using Caravan.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Server.Tests;

/// <summary>The readings store: one reading per (device, time) whatever the order and repetition, a track in time order.</summary>
public sealed class ReadingStoreTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private IReadingStore Store => server.Factory.Services.GetRequiredService<IReadingStore>();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Shuffled_and_repeated_readings_are_stored_once_each_and_tracked_in_time_order(int seed)
    {
        var device = DeviceId.Parse($"store-shuffle-{seed}");
        var random = new Random(seed);
        var distinct = Enumerable.Range(0, 200).Select(i => Reading(device, T0.AddSeconds(i * 7), i)).ToList();
        var sent = distinct.Concat(distinct.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();

        var stored = 0;
        var duplicates = 0;
        foreach (var chunk in sent.Chunk(37))
        {
            var result = await Store.AppendAsync(chunk, CancellationToken.None);
            stored += result.Stored;
            duplicates += result.Duplicates;
        }

        Assert.Equal(distinct.Count, stored);
        Assert.Equal(sent.Count - distinct.Count, duplicates);
        var track = await Store.TrackAsync(device, null, null, 1000, CancellationToken.None);
        Assert.Equal(distinct, track);
    }

    [Fact]
    public async Task Concurrent_appends_of_the_same_readings_store_each_once()
    {
        var device = DeviceId.Parse("store-concurrent");
        var readings = Enumerable.Range(0, 50).Select(i => Reading(device, T0.AddMinutes(i), i)).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.AppendAsync(readings, CancellationToken.None)));

        Assert.Equal(readings.Count, results.Sum(r => r.Stored));
        Assert.Equal(readings.Count * 7, results.Sum(r => r.Duplicates));
        Assert.Equal(readings, await Store.TrackAsync(device, null, null, 1000, CancellationToken.None));
    }

    [Fact]
    public async Task The_track_holds_only_the_device_and_the_period_asked_for()
    {
        var mine = DeviceId.Parse("store-mine");
        var other = DeviceId.Parse("store-mine2");
        await Store.AppendAsync([Reading(mine, T0, 0), Reading(mine, T0.AddHours(1), 1), Reading(mine, T0.AddHours(2), 2), Reading(other, T0.AddHours(1), 9)], CancellationToken.None);

        var window = await Store.TrackAsync(mine, T0.AddHours(1), T0.AddHours(2), 10, CancellationToken.None);

        Assert.Equal([Reading(mine, T0.AddHours(1), 1)], window);
        Assert.Equal(2, (await Store.TrackAsync(mine, null, null, 2, CancellationToken.None)).Count);
    }

    private static TrackerReading Reading(DeviceId device, DateTimeOffset time, int i) =>
        new(device, time, new GeoPoint(40 + (i / 1000.0), 50 + (i / 1000.0)))
        {
            SpeedKmh = i % 2 == 0 ? 55.5 : null,
            HeadingDegrees = i % 360,
            AltitudeM = i % 3 == 0 ? -12 : null,
            AccuracyM = 5,
            TemperatureC = i % 5 == 0 ? -18.25 : null,
            HumidityPercent = 60,
            ShockG = i % 7 == 0 ? 1.5 : null,
            Door = (i % 3) switch { 0 => DoorState.Open, 1 => DoorState.Closed, _ => null },
            BatteryPercent = 100 - (i % 100),
        };
}
