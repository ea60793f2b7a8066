using System.Globalization;
using Caravan.Core.Network;
using Caravan.Core.Simulation;
using Spectre.Console;

namespace Caravan.Cli.Simulation;

/// <summary>
/// One <c>caravan simulate</c> run: books the shipments through the API, then drives their trackers through a
/// <see cref="SimulationClock"/> that replays the recent past at the asked speed until it catches up with the real
/// clock, sending each tracker's due readings about twice a second. Ctrl-C stops it between sends; what was sent stays.
/// </summary>
public sealed class SimulationRun(CliConsole console, SimulateArguments arguments, CorridorNetwork network, TimeProvider clock)
{
    private const int Parallelism = 8;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);

    public async Task<SimulationSummary> RunAsync(CancellationToken cancellationToken)
    {
        using var api = CaravanApi.Create(arguments.Server, arguments.Token);
        var me = await api.SendAsync("checking the token", HttpMethod.Get, "api/me", null, cancellationToken).ConfigureAwait(false);
        var party = me?["party"]?["id"]?.GetValue<string>()
            ?? throw new SimulationFailure(ExitCodes.BadInput, "the token is the operator's admin token; give a forwarder or shipper party's token with --token or $CARAVAN_TOKEN");

        var realStart = clock.GetUtcNow();
        var replay = SimulationClock.Replaying(realStart, arguments.Span, arguments.Speed);
        var runTag = RunTag(realStart);
        var booker = new ShipmentBooker(api, network, SimulationSettings.Default, party);
        var booked = new SimulatedShipment?[arguments.Shipments];
        var sender = arguments.Mqtt is { } broker ? (ReadingSender)new MqttReadingSender(broker.Host, broker.Port) : new HttpReadingSender(api);
        await using (sender.ConfigureAwait(false))
        {
            var interrupted = false;
            var shipments = new List<SimulatedShipment>();
            var fleet = new TrackerFleet([]);
            var simulatedTo = replay.SimulatedStart;
            await View(async (booking, driving) =>
            {
                try
                {
                    await Parallel.ForEachAsync(
                        Enumerable.Range(0, arguments.Shipments),
                        new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
                        async (i, ct) =>
                        {
                            booked[i] = await booker.BookAsync(runTag, i, arguments.Seed, replay.SimulatedStart, replay.SimulatedStart + (arguments.Span * 0.75), ct).ConfigureAwait(false);
                            booking(1);
                        }).ConfigureAwait(false);
                    shipments = booked.OfType<SimulatedShipment>().ToList();
                    if (shipments.Count == 0)
                    {
                        throw new SimulationFailure(ExitCodes.NoRoute, "no simulated shipment could be booked: the planner found no route on any lane drawn");
                    }

                    await sender.OpenAsync(shipments, cancellationToken).ConfigureAwait(false);
                    var byDevice = shipments.ToDictionary(s => s.Tracker.Device);
                    fleet = new TrackerFleet(shipments.Select(s => s.Tracker));
                    var simulation = new SimulationClock(clock.GetUtcNow(), replay.SimulatedStart, arguments.Speed);
                    var end = arguments.Follow ? shipments.Max(s => s.Tracker.Journey.End) : simulation.CaughtUpAt;
                    while (true)
                    {
                        var now = clock.GetUtcNow();
                        simulatedTo = simulation.At(now);
                        var batches = fleet.Due(simulatedTo);
                        await Parallel.ForEachAsync(
                            batches,
                            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                            (batch, ct) => new ValueTask(sender.SendAsync(byDevice[batch.Tracker.Device], batch, ct))).ConfigureAwait(false);
                        driving(simulatedTo, end, sender.Sent);
                        if (fleet.AllFinished || now >= end)
                        {
                            break;
                        }

                        await Task.Delay(Tick, clock, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    interrupted = true;
                }
            }).ConfigureAwait(false);

            var delivered = shipments.Count(s => s.Tracker.Journey.Arrival <= simulatedTo);
            return new SimulationSummary(
                arguments.Server.ToString(), sender.Transport, arguments.Seed, arguments.Speed, replay.SimulatedStart, simulatedTo,
                sender.Sent, sender.Duplicates, sender.Failed, delivered, interrupted, shipments.Select(SimulatedShipmentSummary.Of).ToList());
        }
    }

    // Progress bars for a person watching: shipments booked, then simulated time and readings sent; nothing otherwise.
    private async Task View(Func<Action<int>, Action<DateTimeOffset, DateTimeOffset, long>, Task> work)
    {
        if (!console.Interactive || arguments.Json)
        {
            await work(_ => { }, (_, _, _) => { }).ConfigureAwait(false);
            return;
        }

        await console.Ansi.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var booking = context.AddTask($"Booking {arguments.Shipments} shipments", maxValue: arguments.Shipments);
                ProgressTask? driving = null;
                DateTimeOffset? from = null;
                await work(
                    n => booking.Increment(n),
                    (simulated, end, sent) =>
                    {
                        from ??= simulated;
                        driving ??= context.AddTask("Simulating", maxValue: Math.Max(1, (end - from.Value).TotalSeconds));
                        driving.Value = Math.Min(driving.MaxValue, (simulated - from.Value).TotalSeconds);
                        driving.Description = string.Create(CultureInfo.InvariantCulture, $"Simulated {simulated:yyyy-MM-dd HH:mm}Z, {sent:N0} readings sent");
                    }).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    // A tag unique to the run (minutes and seconds since 2026 in base 36), so its device ids are new on the server.
    private static string RunTag(DateTimeOffset start)
    {
        var seconds = (long)(start - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds;
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var tag = string.Empty;
        do
        {
            tag = Digits[(int)(Math.Abs(seconds) % 36)] + tag;
            seconds /= 36;
        }
        while (seconds != 0);
        return tag;
    }
}
