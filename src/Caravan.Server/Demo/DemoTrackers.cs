using System.Globalization;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using Caravan.Core.Shipments;
using Caravan.Core.Simulation;
using Caravan.Core.Telemetry;
using Caravan.Server.Hosting;
using Caravan.Server.Shipments;
using Caravan.Server.Telemetry;
using Caravan.Storage;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Demo;

/// <summary>
/// Makes the demo corridor move: when the demo is on, books <see cref="DemoTrackerOptions.Shipments"/> simulated shipments
/// for the demo forwarder (the demo consignee receives them), registers and binds a tracker to each container, and
/// drives the virtual trackers (<see cref="VirtualTracker"/>) — replaying the last days faster than real time, then in
/// real time until every container is delivered. Readings take the path every device's readings take, in process rather
/// than over the network: <see cref="TelemetryIntake"/> validates them and the <see cref="ReadingPipeline"/> stores them
/// durably, deduplicated, and publishes them to the <see cref="StoredReadingsFeed"/>. A restart resumes the demo
/// trackers still under way (rebuilt from their devices, bindings and itineraries) and books only as many new shipments
/// and devices (<c>demo-trk-{start}-{n}</c>) as it takes to have <see cref="DemoTrackerOptions.Shipments"/> moving.
/// </summary>
public sealed class DemoTrackers(
    IOptions<DemoOptions> demo,
    IOptions<DemoTrackerOptions> options,
    IPartyStore parties,
    IShipmentStore shipments,
    IDeviceStore devices,
    IAlertStore watched,
    TelemetryIntake intake,
    CorridorNetworkProvider networks,
    TimeProvider clock,
    ILogger<DemoTrackers> logger) : BackgroundService
{
    /// <summary>The trackers being driven; empty until the shipments are booked.</summary>
    public IReadOnlyList<VirtualTracker> Trackers { get; private set; } = [];

    /// <summary>Readings stored so far.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Readings the store already held when they were sent again; a resumed tracker sends none.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    private const string DevicePrefix = "demo-trk-";

    private long _stored;
    private long _duplicates;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        if (!demo.Value.Enabled || settings.Shipments == 0)
        {
            return;
        }

        if (await parties.FindAsync(DemoParties.Forwarder, stoppingToken).ConfigureAwait(false) is null)
        {
            Log.DemoTrackersNotRunning(logger, "the demo forwarder does not exist (the demo was not seeded)");
            return;
        }

        if (networks.Planner(out var problem) is not { } planner)
        {
            Log.DemoTrackersNotRunning(logger, $"the corridor network is unavailable: {problem}");
            return;
        }

        var start = clock.GetUtcNow();
        var span = TimeSpan.FromDays(settings.ReplayDays);
        var replay = SimulationClock.Replaying(start, span, settings.Speed);

        // Trackers booked by an earlier start that are still under way move on; only the rest are booked anew.
        var (trackers, sentUntil) = await ResumeAsync(planner.Network, start, settings.Shipments, stoppingToken).ConfigureAwait(false);
        var resumed = trackers.Count;
        var tag = ((long)(start - DateTimeOffset.UnixEpoch).TotalSeconds).ToString(CultureInfo.InvariantCulture);
        for (var i = 0; trackers.Count < settings.Shipments && i < settings.Shipments && !stoppingToken.IsCancellationRequested; i++)
        {
            if (await BookAsync(planner, tag, i, replay.SimulatedStart, replay.SimulatedStart + (span * 0.75), stoppingToken).ConfigureAwait(false) is { } tracker)
            {
                trackers.Add(tracker);
            }
        }

        if (trackers.Count == 0)
        {
            Log.DemoTrackersNotRunning(logger, "the planner found no route on the lanes drawn");
            return;
        }

        Trackers = trackers;
        Log.DemoTrackersStarted(logger, trackers.Count - resumed, resumed, settings.ReplayDays, settings.Speed);
        var simulation = new SimulationClock(clock.GetUtcNow(), replay.SimulatedStart, settings.Speed);
        var fleet = new TrackerFleet(trackers);
        var tick = TimeSpan.FromMilliseconds(settings.TickMilliseconds);
        while (!fleet.AllFinished)
        {
            foreach (var batch in fleet.Due(simulation.At(clock.GetUtcNow())))
            {
                // Refused (the pipeline stayed full): the same readings again at the next tick, as a device retries.
                while (!await IngestAsync(batch, sentUntil, stoppingToken).ConfigureAwait(false))
                {
                    await Task.Delay(tick, clock, stoppingToken).ConfigureAwait(false);
                }
            }

            await Task.Delay(tick, clock, stoppingToken).ConfigureAwait(false);
        }

        Log.DemoTrackersFinished(logger, Stored);
    }

    // As POST /api/telemetry and MQTT do: validated, counted and logged when rejected, then submitted to the ingestion
    // pipeline, which deduplicates, writes durably and publishes to the followers before it answers.
    private async Task<bool> IngestAsync(FleetBatch batch, Dictionary<DeviceId, DateTimeOffset> sentUntil, CancellationToken cancellationToken)
    {
        var device = batch.Tracker.Device;
        var due = sentUntil.TryGetValue(device, out var until) ? [.. batch.Readings.Where(r => r.Time > until)] : batch.Readings;
        var valid = intake.Validate(device, due, out var rejected);
        if (valid.Count == 0)
        {
            return true;
        }

        try
        {
            var result = await intake.StoreAsync(device, valid, rejected, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _stored, result.Stored);
            Interlocked.Add(ref _duplicates, result.Duplicates);
            return true;
        }
        catch (IngestionUnavailableException e)
        {
            Log.DemoTrackerReadingsRefused(logger, device.Value, e.Message);
            return false;
        }
    }

    // At most `limit` of the demo's trackers booked at earlier starts whose journeys are not over, rebuilt as they were
    // booked: the same device, itinerary and seed give the same readings. Each sends only what is newer than its newest
    // stored reading (sentUntil), so the followers (progress, alerts) are not shown its past a second time.
    private async Task<(List<VirtualTracker> Trackers, Dictionary<DeviceId, DateTimeOffset> SentUntil)> ResumeAsync(
        CorridorNetwork network, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var resumed = new List<VirtualTracker>();
        var sentUntil = new Dictionary<DeviceId, DateTimeOffset>();
        var lastFix = (await watched.ListWatchedDevicesAsync(cancellationToken).ConfigureAwait(false))
            .Where(w => w.LastFix is not null)
            .ToDictionary(w => w.Binding.Device, w => w.LastFix!.Value);
        foreach (var device in await devices.ListAsync(DemoParties.Forwarder, cancellationToken).ConfigureAwait(false))
        {
            if (resumed.Count == limit)
            {
                break;
            }

            var id = device.Id.Value;
            var dash = id.LastIndexOf('-');
            if (!id.StartsWith(DevicePrefix, StringComparison.Ordinal) || dash < DevicePrefix.Length
                || !int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                continue;
            }

            var bindings = await devices.ListBindingsAsync(device.Id, cancellationToken).ConfigureAwait(false);
            if (bindings.Count == 0 || bindings[^1].To is not null
                || await shipments.FindAsync(bindings[^1].Shipment, cancellationToken).ConfigureAwait(false) is not { Itinerary: { } itinerary })
            {
                continue;
            }

            if (VirtualTracker.TryCreate(device.Id, itinerary, network, SimulationSettings.Default, SimulationSeed.Mix(demo.Value.Seed, number - 1 + 1_000_000), out _) is { } tracker
                && tracker.Journey.End > now)
            {
                resumed.Add(tracker);
                if (lastFix.TryGetValue(device.Id, out var fix))
                {
                    sentUntil[device.Id] = fix;
                }
            }
        }

        return (resumed, sentUntil);
    }

    private async Task<VirtualTracker?> BookAsync(
        RoutePlanner planner, string tag, int index, DateTimeOffset windowStart, DateTimeOffset latestDeparture, CancellationToken cancellationToken)
    {
        var network = planner.Network;
        var random = new Random(SimulationSeed.Mix(demo.Value.Seed, index));
        for (var attempt = 0; attempt < 6; attempt++)
        {
            if (SimulationLanes.Draw(network, random, windowStart, latestDeparture) is not { } lane)
            {
                return null;
            }

            var request = new RouteRequest(lane.From, lane.To, lane.EarliestDeparture, [new ContainerLoad(network.FindContainerType("40HC") ?? network.Reference.ContainerTypes[0], 1)])
            {
                DepartureWindow = TimeSpan.FromDays(2),
                Constraints = new RouteConstraints
                {
                    AvoidCountries = lane.AvoidCountries.ToHashSet(),
                    AllowedModes = new HashSet<Core.Network.TransportMode> { Core.Network.TransportMode.Rail, Core.Network.TransportMode.Road, Core.Network.TransportMode.Ferry },
                },
            };
            var candidates = planner.Plan(request).Itineraries.Where(i => i.Departure <= latestDeparture).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var itinerary = ShipmentItinerary.From(candidates[random.Next(Math.Min(3, candidates.Count))]);
            var device = DeviceId.Parse(string.Create(CultureInfo.InvariantCulture, $"{DevicePrefix}{tag}-{index + 1:D2}"));
            if (VirtualTracker.TryCreate(device, itinerary, network, SimulationSettings.Default, SimulationSeed.Mix(demo.Value.Seed, index + 1_000_000), out _) is not { } tracker)
            {
                continue;
            }

            // Registered first: an id taken (by anyone) leaves no shipment behind.
            var kind = tracker.Profile.Reefer ? DeviceKind.ReeferController : DeviceKind.GpsTracker;
            if (await devices.RegisterAsync(device, DemoParties.Forwarder, kind, "demo tracker (simulated)", clock.GetUtcNow(), cancellationToken).ConfigureAwait(false) is null)
            {
                return null;
            }

            var container = ContainerNumber.Create("CRV", 'U', random.Next(100_000, 1_000_000));
            var shipment = new Shipment
            {
                Id = ShipmentIds.New(),
                CreatedBy = DemoParties.Forwarder,
                CreatedAt = clock.GetUtcNow(),
                Parties =
                [
                    new(DemoParties.Forwarder, ShipmentRole.Forwarder),
                    new(DemoParties.Forwarder, ShipmentRole.Shipper),
                    new(DemoParties.Consignee, ShipmentRole.Consignee),
                ],
                Consignment = new Consignment
                {
                    Consignor = DemoParties.Forwarder,
                    Consignee = DemoParties.Consignee,
                    PlaceOfTakingOver = lane.From,
                    PlaceOfDelivery = lane.To,
                    GoodsDescription = tracker.Profile.Reefer ? "Chilled and frozen food in a reefer (simulated)" : "General cargo on pallets (simulated)",
                    HsCode = HsCode.Parse(tracker.Profile.Reefer ? "0207.14" : "8471.30"),
                    NumberOfPackages = random.Next(10, 400),
                    GrossMassKg = random.Next(4_000, 26_000),
                },
                Containers = [new ShipmentContainer(container, [])],
                Itinerary = itinerary,
            };
            await shipments.CreateAsync(shipment, cancellationToken).ConfigureAwait(false);
            await devices.OpenBindingAsync(new DeviceBinding(device, shipment.Id, container, tracker.Journey.Start, null), cancellationToken).ConfigureAwait(false);
            return tracker;
        }

        return null;
    }
}
