using System.Globalization;
using Caravan.Core.Events;
using Caravan.Core.Geography;
using Caravan.Core.Network;
using Caravan.Core.Shipments;

namespace Caravan.Server.Demo;

/// <summary>
/// Writes what happened to one demo shipment along its booked itinerary — the forwarder's booking and CIM/SMGS note,
/// each demo carrier's loads, departures, arrivals and discharges at its legs' ends, Kazakh customs at the border,
/// the consignee's receipt — then keeps what is past as ACT and a few of the carriers' next moves as EST or PLN.
/// Times follow the plan (so the gauge change at Dostyk, the wait at Aktau and the one at Akhalkalaki are the
/// network's) with up to an hour's delay per event, and never run backwards.
/// </summary>
internal sealed class DemoHistory
{
    private const int MaxForecasts = 4;
    private static readonly TimeSpan LoadBeforeDeparture = TimeSpan.FromHours(3);
    private static readonly TimeSpan DischargeAfterArrival = TimeSpan.FromHours(2);
    private static readonly TimeSpan EstimateHorizon = TimeSpan.FromHours(48);
    private static readonly TimeSpan RunningLate = TimeSpan.FromHours(5);
    private static readonly CountryCode Kazakhstan = CountryCode.Parse("KZ");

    private readonly List<DemoDraft> _drafts = [];
    private readonly Shipment _shipment;
    private readonly DemoStage _stage;
    private readonly CorridorNetwork _network;
    private readonly DemoReferences _references;
    private readonly Random _random;
    private readonly DateTimeOffset _now;
    private DateTimeOffset _cursor;

    private DemoHistory(Shipment shipment, DemoStage stage, CorridorNetwork network, DemoReferences references, Random random, DateTimeOffset now)
    {
        _shipment = shipment;
        _stage = stage;
        _network = network;
        _references = references;
        _random = random;
        _now = now;
        _cursor = shipment.CreatedAt;
    }

    /// <summary>How long before the ferry leaves the line announces it: a waiting container's ferry leaves this long after "now" at the earliest.</summary>
    public static TimeSpan FerryNotice { get; } = TimeSpan.FromHours(14);

    /// <summary>The shipment's events in recording order, each with its classifier.</summary>
    public static IReadOnlyList<(DemoDraft Draft, EventClassifierCode Classifier)> Write(
        Shipment shipment, DemoStage stage, CorridorNetwork network, DemoReferences references, Random random, DateTimeOffset now)
    {
        var history = new DemoHistory(shipment, stage, network, references, random, now);
        history.Plan();
        return history.Classify();
    }

    /// <summary>True for the Kazakh Caspian ports where containers wait for the ferry.</summary>
    public static bool IsCaspianPort(Locode place) => place.Value is "KZAKT" or "KZKUR";

    /// <summary>
    /// The leg an in-transit stage finds the container on — Alat to the Baku–Tbilisi–Kars gauge change, or across
    /// Kazakhstan from the border to the Caspian — or null for the other stages.
    /// </summary>
    public static ShipmentLeg? StageLeg(DemoStage stage, IReadOnlyList<ShipmentLeg> legs) => stage switch
    {
        DemoStage.InTransitBakuTbilisiKars => legs.FirstOrDefault(l => l.From.Value == "AZALT" && l.Mode == TransportMode.Rail),
        DemoStage.InTransitKazakhstan => legs.FirstOrDefault(l => l.From.Country == Kazakhstan && l.Mode == TransportMode.Rail),
        _ => null,
    };

    private void Plan()
    {
        var legs = _shipment.Itinerary.Legs;
        var origin = legs[0].From;
        var forwarder = _shipment.CreatedBy;
        Add(forwarder, _shipment.CreatedAt, EventType.SHIPMENT, "RECE", origin, DocumentTypeCode.BKG, _references.Booking);
        Add(forwarder, _shipment.CreatedAt + Minutes(180, 360), EventType.SHIPMENT, "CONF", origin, DocumentTypeCode.BKG, _references.Booking);
        Add(forwarder, _references.NoteIssuedAt, EventType.SHIPMENT, "ISSU", origin, DocumentTypeCode.TRD, _references.Note);

        var delay = TimeSpan.Zero;
        var atBorder = false;
        foreach (var leg in legs)
        {
            // A container waiting at the Caspian: the ferry has not sailed and leaves no sooner than its notice; the rest slips with it.
            if (_stage == DemoStage.WaitingForFerry && leg.Mode == TransportMode.Ferry && IsCaspianPort(leg.From))
            {
                var earliest = _now + FerryNotice;
                delay = leg.Departure + delay < earliest ? earliest - leg.Departure : delay;
            }

            // The train the shipment is on runs late rather than having arrived already: its arrival stays ahead of now.
            var departure = leg.Departure + delay + Minutes(0, 60);
            if (ReferenceEquals(leg, StageLeg(_stage, legs)) && leg.Arrival + delay < _now + RunningLate)
            {
                delay = _now + RunningLate - leg.Arrival;
            }

            var arrival = leg.Arrival + delay + Minutes(0, 60);
            if (DemoParties.DepartingCarrier(leg) is { } departing)
            {
                var call = Call(leg, leg.From, departing, leg.Departure + delay);
                Add(departing, departure - LoadBeforeDeparture, EventType.EQUIPMENT, "LOAD", leg.From, call: call);
                Add(departing, departure, EventType.TRANSPORT, "DEPA", leg.From, call: call);
            }

            if (DemoParties.ArrivingCarrier(leg) is { } arriving)
            {
                var call = Call(leg, leg.To, arriving, leg.Arrival + delay);
                Add(arriving, arrival, EventType.TRANSPORT, "ARRI", leg.To, call: call);
                Add(arriving, arrival + DischargeAfterArrival, EventType.EQUIPMENT, "DISC", leg.To, call: call);
            }

            if (!atBorder && leg.To.Country == Kazakhstan)
            {
                atBorder = true;
                if (!Customs(leg.To, arrival))
                {
                    return;
                }
            }
        }

        var destination = legs[^1].To;
        var consignee = _shipment.Consignment.Consignee;
        var delivered = legs[^1].Arrival + delay;
        Add(consignee, delivered + Minutes(17 * 60, 20 * 60), EventType.SHIPMENT, "RECE", destination, DocumentTypeCode.TRD, _references.Note);
        Add(consignee, delivered + Minutes(28 * 60, 32 * 60), EventType.EQUIPMENT, "STRP", destination);
    }

    // Kazakh customs at the entry border: releases for transit; holds, inspects and releases the delivered one; holds
    // the held one, after which nothing more has happened. False when the story of this shipment ends here.
    private bool Customs(Locode border, DateTimeOffset arrival)
    {
        var customs = DemoParties.Customs;
        var document = _references.CustomsDocument;
        switch (_stage)
        {
            case DemoStage.HeldByCustoms:
                Add(customs, arrival + Minutes(4 * 60, 6 * 60), EventType.SHIPMENT, "HOLD", border, DocumentTypeCode.CUS, document);
                return false;
            case DemoStage.Delivered:
                Add(customs, arrival + Minutes(3 * 60, 4 * 60), EventType.SHIPMENT, "HOLD", border, DocumentTypeCode.CUS, document);
                Add(customs, arrival + Minutes(6 * 60, 7 * 60), EventType.EQUIPMENT, "INSP", border);
                Add(customs, arrival + Minutes(10 * 60, 11 * 60), EventType.SHIPMENT, "RELS", border, DocumentTypeCode.CUS, document);
                return true;
            default:
                Add(customs, arrival + Minutes(5 * 60, 7 * 60), EventType.SHIPMENT, "RELS", border, DocumentTypeCode.CUS, document);
                return true;
        }
    }

    private List<(DemoDraft, EventClassifierCode)> Classify()
    {
        var events = new List<(DemoDraft, EventClassifierCode)>();
        var forecasts = 0;
        foreach (var draft in _drafts)
        {
            if (draft.Time <= _now)
            {
                events.Add((draft, EventClassifierCode.ACT));
            }
            else if (draft.MayBeForecast && forecasts < MaxForecasts)
            {
                forecasts++;
                events.Add((draft, draft.Time - _now <= EstimateHorizon ? EventClassifierCode.EST : EventClassifierCode.PLN));
            }
        }

        return events;
    }

    private DemoCall Call(ShipmentLeg leg, Locode place, PartyId carrier, DateTimeOffset planned)
    {
        var mode = leg.Mode switch
        {
            TransportMode.Ferry or TransportMode.Sea => ModeOfTransport.VESSEL,
            TransportMode.Road => ModeOfTransport.TRUCK,
            _ => ModeOfTransport.RAIL,
        };
        var facility = _network.FindTerminal(place)?.Kind switch
        {
            TerminalKind.BorderCrossing => FacilityTypeCode.BOCR,
            TerminalKind.Seaport or TerminalKind.FerryPort => FacilityTypeCode.POTE,
            _ => FacilityTypeCode.INTE,
        };
        var reference = string.Create(
            CultureInfo.InvariantCulture,
            $"{carrier.Value.ToUpperInvariant()}-{place.Value}-{planned.UtcDateTime:yyyyMMdd}");
        return new DemoCall(mode, place, facility, reference, mode == ModeOfTransport.RAIL ? leg.ServiceId : null);
    }

    private void Add(
        PartyId author,
        DateTimeOffset time,
        EventType type,
        string code,
        Locode? location,
        DocumentTypeCode? document = null,
        string? documentId = null,
        DemoCall? call = null)
    {
        _cursor = time > _cursor ? time : _cursor;
        _drafts.Add(new DemoDraft(author, _cursor, type, code, location, document, documentId, call));
    }

    private TimeSpan Minutes(int least, int most) => TimeSpan.FromMinutes(_random.Next(least, most + 1));
}
