using System.Globalization;
using Caravan.Core.Events;
using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Planning;
using Caravan.Core.Shipments;

namespace Caravan.Server.Demo;

/// <summary>
/// The demo's story: six shipments planned by the real planner over the corridor network (avoiding Russia, Belarus
/// and Iran, so across the Caspian on the Middle Corridor), each departing so that "now" finds it at its
/// <see cref="DemoStage"/>, with the signed events its parties would have written by now. Pure: the same planner,
/// keys, seed and clock give the same shipments and the same bytes.
/// </summary>
public static class DemoStory
{
    private const string IdAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int MaxPlanningAttempts = 12;
    private static readonly Locode Alat = Locode.Parse("AZALT");
    private static readonly CountryCode Kazakhstan = CountryCode.Parse("KZ");
    private static readonly HashSet<CountryCode> Avoided = [CountryCode.Parse("RU"), CountryCode.Parse("BY"), CountryCode.Parse("IR")];

    /// <summary>Plans and writes the demo shipments for "now" as <paramref name="clock"/> tells it.</summary>
    /// <param name="planner">A planner over the default corridor network.</param>
    /// <param name="keys">Every demo party's signing key (<see cref="DemoParties.All"/>).</param>
    /// <param name="seed">Decides ids, references, container numbers and the small delays.</param>
    /// <param name="clock">Where "now" comes from.</param>
    /// <exception cref="InvalidOperationException">The network offers no Caspian itinerary that puts a shipment at its stage now.</exception>
    public static IReadOnlyList<DemoShipment> Tell(RoutePlanner planner, IReadOnlyDictionary<PartyId, EventSigningKey> keys, int seed, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var random = new Random(seed);
        var shipments = new List<DemoShipment>();
        foreach (var script in DemoScript.All)
        {
            var itinerary = Choose(planner, script, now);
            shipments.Add(Write(script, itinerary, planner.Network, keys, new Random(random.Next()), now));
        }

        return shipments;
    }

    private static DemoShipment Write(
        DemoScript script, ShipmentItinerary itinerary, CorridorNetwork network, IReadOnlyDictionary<PartyId, EventSigningKey> keys, Random random, DateTimeOffset now)
    {
        var bookedAt = script.Stage == DemoStage.Booked
            ? now - TimeSpan.FromMinutes(random.Next(20 * 60, 22 * 60))
            : itinerary.Departure - TimeSpan.FromDays(4) + TimeSpan.FromMinutes(random.Next(0, 180));
        var container = ContainerNumber.Create("CRV", 'U', random.Next(100_000, 1_000_000));
        var consignee = script.ToDemoConsignee ? DemoParties.Consignee : DemoParties.Forwarder;
        var shipment = new Shipment
        {
            Id = ShipmentId.Parse("CRV-" + string.Concat(Enumerable.Range(0, 10).Select(_ => IdAlphabet[random.Next(IdAlphabet.Length)]))),
            CreatedBy = DemoParties.Forwarder,
            CreatedAt = bookedAt,
            Parties = Roles(itinerary, consignee),
            Consignment = new Consignment
            {
                Consignor = DemoParties.Forwarder,
                Consignee = consignee,
                PlaceOfTakingOver = script.From,
                PlaceOfDelivery = script.To,
                GoodsDescription = script.GoodsDescription,
                HsCode = script.HsCode,
                NumberOfPackages = script.NumberOfPackages,
                GrossMassKg = script.GrossMassKg,
            },
            Containers =
            [
                new ShipmentContainer(container,
                [
                    new ContainerSeal(Invariant($"SGL{random.Next(1_000_000, 10_000_000)}"), SealSource.Shipper),
                    new ContainerSeal(Invariant($"CR{random.Next(10_000_000, 100_000_000)}"), SealSource.Carrier),
                ]),
            ],
            Itinerary = itinerary,
        };

        var border = itinerary.Legs.First(l => l.To.Country == Kazakhstan).To;
        var references = new DemoReferences(
            shipment.Id,
            Invariant($"SGL-{bookedAt.UtcDateTime:yyMM}-{random.Next(1000, 10_000)}"),
            Invariant($"SMGS-{bookedAt.UtcDateTime:yy}-{random.Next(1_000_000, 10_000_000)}"),
            itinerary.Departure - TimeSpan.FromHours(10),
            container,
            Invariant($"KGD-{border}-{random.Next(100_000, 1_000_000)}"));
        var noteIssued = references.NoteIssuedAt <= now;
        var events = new List<DemoSignedEvent>();
        var lastCreated = bookedAt;
        foreach (var (draft, classifier) in DemoHistory.Write(shipment, script.Stage, network, references, random, now))
        {
            // An actual event is recorded minutes after it happens; an estimate or plan is published now.
            var lag = TimeSpan.FromMinutes(random.Next(3, 41));
            var created = classifier == EventClassifierCode.ACT ? draft.Time + lag : now - lag;
            created = created < lastCreated ? lastCreated : created > now ? now : created;
            lastCreated = created;
            events.Add(DemoEventWriter.Sign(draft, classifier, created, NewEventId(created, random), references, noteIssued, keys[draft.Author]));
        }

        return new DemoShipment(shipment, script.Stage, events);
    }

    private static List<ShipmentParty> Roles(ShipmentItinerary itinerary, PartyId consignee)
    {
        var roles = new List<ShipmentParty>
        {
            new(DemoParties.Forwarder, ShipmentRole.Forwarder),
            new(DemoParties.Forwarder, ShipmentRole.Shipper),
            new(consignee, ShipmentRole.Consignee),
        };
        foreach (var leg in itinerary.Legs)
        {
            foreach (var carrier in new[] { DemoParties.DepartingCarrier(leg), DemoParties.ArrivingCarrier(leg) })
            {
                if (carrier is { } party)
                {
                    roles.Add(new ShipmentParty(party, ShipmentRole.Carrier));
                }
            }
        }

        roles.Add(new ShipmentParty(DemoParties.Customs, ShipmentRole.CustomsAuthority));
        return roles.Distinct().ToList();
    }

    // Plans from a first guess of the departure, then moves the departure by how far "now" is from where the stage
    // wants it, until the shipment stands at its stage now; timetables make the answer move in steps, hence the loop.
    private static ShipmentItinerary Choose(RoutePlanner planner, DemoScript script, DateTimeOffset now)
    {
        var departure = WholeHour(now - script.DepartedAgo);
        for (var attempt = 0; attempt < MaxPlanningAttempts; attempt++)
        {
            if (PlanAcrossTheCaspian(planner, script, departure) is not { } itinerary)
            {
                departure -= TimeSpan.FromDays(1);
                continue;
            }

            var (target, earliest, latest) = Window(script.Stage, itinerary);
            if (earliest <= now && now <= latest)
            {
                return itinerary;
            }

            var shift = now - target;
            var step = TimeSpan.FromHours(6);
            departure = WholeHour(departure + (shift.Duration() < step ? (shift < TimeSpan.Zero ? -step : step) : shift));
        }

        // Timetables can make the steps jump over the window; then look at every departure around the first guess.
        for (var offset = TimeSpan.FromDays(-12); offset <= TimeSpan.FromDays(12); offset += TimeSpan.FromHours(12))
        {
            if (PlanAcrossTheCaspian(planner, script, WholeHour(now - script.DepartedAgo + offset)) is { } itinerary
                && Window(script.Stage, itinerary) is var (_, earliest, latest) && earliest <= now && now <= latest)
            {
                return itinerary;
            }
        }

        throw new InvalidOperationException(
            $"No itinerary {script.From} → {script.To} across the Caspian puts a shipment at stage {script.Stage} at {now:u}; check the network's Middle Corridor services.");
    }

    private static ShipmentItinerary? PlanAcrossTheCaspian(RoutePlanner planner, DemoScript script, DateTimeOffset departure)
    {
        var container = planner.Network.FindContainerType("40HC") ?? planner.Network.Reference.ContainerTypes[0];
        var request = new RouteRequest(script.From, script.To, departure, [new ContainerLoad(container, 1)])
        {
            DepartureWindow = TimeSpan.FromDays(2),
            Constraints = new RouteConstraints { AvoidCountries = Avoided },
        };
        return planner.Plan(request).Itineraries
            .Select(ShipmentItinerary.From)
            .FirstOrDefault(i => i.Legs.Any(l => l.Mode == TransportMode.Ferry && DemoHistory.IsCaspianPort(l.From))
                && i.Legs.Any(l => l.From == Alat && l.Mode == TransportMode.Rail));
    }

    // Where "now" should fall for each stage: the instant aimed at and the range that still tells the stage.
    private static (DateTimeOffset Target, DateTimeOffset Earliest, DateTimeOffset Latest) Window(DemoStage stage, ShipmentItinerary itinerary)
    {
        var legs = itinerary.Legs;
        switch (stage)
        {
            case DemoStage.Delivered:
                return (itinerary.Arrival + TimeSpan.FromDays(5), itinerary.Arrival + TimeSpan.FromDays(2), itinerary.Arrival + TimeSpan.FromDays(12));
            case DemoStage.WaitingForFerry:
                var port = legs.First(l => DemoHistory.IsCaspianPort(l.To)).Arrival;
                return (port + TimeSpan.FromHours(84), port + TimeSpan.FromHours(60), port + TimeSpan.FromDays(5));
            case DemoStage.HeldByCustoms:
                var border = legs.First(l => l.To.Country == Kazakhstan).Arrival;
                return (border + TimeSpan.FromHours(30), border + TimeSpan.FromHours(18), border + TimeSpan.FromDays(3));
            case DemoStage.InTransitBakuTbilisiKars or DemoStage.InTransitKazakhstan:
                // Up to a day and a half past its planned arrival the train is running late (DemoHistory keeps its
                // arrival ahead of now); with the ferries' timetable, that leaves no moment without a train on the leg.
                var leg = DemoHistory.StageLeg(stage, legs)!;
                return (leg.Departure + ((leg.Arrival - leg.Departure) / 2), leg.Departure + TimeSpan.FromHours(2), leg.Arrival + TimeSpan.FromHours(36));
            default:
                return (itinerary.Departure - TimeSpan.FromDays(2), itinerary.Departure - TimeSpan.FromHours(84), itinerary.Departure - TimeSpan.FromHours(12));
        }
    }

    /// <summary>
    /// A time-ordered UUID (version 7, RFC 9562 §5.7) of the event's creation time, as docs/record.md advises clients to
    /// choose; its other bits come from the story's seeded random, so the demo stays the same from run to run.
    /// </summary>
    private static Guid NewEventId(DateTimeOffset created, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var milliseconds = created.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static DateTimeOffset WholeHour(DateTimeOffset time) =>
        new(time.UtcDateTime.Ticks - (time.UtcDateTime.Ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
