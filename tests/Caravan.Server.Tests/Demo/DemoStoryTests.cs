using Caravan.Core.Events;
using Caravan.Core.Network;
using Caravan.Core.Shipments;
using Caravan.Server.Demo;
using Microsoft.Extensions.Time.Testing;

namespace Caravan.Server.Tests.Demo;

/// <summary>The demo story: deterministic, every event valid, signed, allowed and in time order, every stage told.</summary>
public sealed class DemoStoryTests(DemoStoryFixture story) : IClassFixture<DemoStoryFixture>
{
    [Fact]
    public void The_same_seed_and_clock_tell_the_same_story_byte_for_byte()
    {
        var again = DemoStory.Tell(story.Planner, story.Keys, DemoStoryFixture.Seed, new FakeTimeProvider(DemoStoryFixture.Now));

        Assert.Equal(story.Shipments.Count, again.Count);
        foreach (var (first, second) in story.Shipments.Zip(again))
        {
            Assert.Equal(first.Shipment.Id, second.Shipment.Id);
            Assert.Equal(first.Shipment.Itinerary.Id, second.Shipment.Itinerary.Id);
            Assert.Equal(first.Shipment.Containers[0].Number, second.Shipment.Containers[0].Number);
            Assert.Equal(first.Events.Count, second.Events.Count);
            foreach (var (a, b) in first.Events.Zip(second.Events))
            {
                Assert.Equal(a.Author, b.Author);
                Assert.Equal(a.EventJson, b.EventJson);
                Assert.Equal(a.Signature, b.Signature);
            }
        }
    }

    [Fact]
    public void Another_seed_tells_it_with_other_ids_and_references()
    {
        var other = DemoStory.Tell(story.Planner, story.Keys, DemoStoryFixture.Seed + 1, new FakeTimeProvider(DemoStoryFixture.Now));

        Assert.Empty(story.Shipments.Select(s => s.Shipment.Id).Intersect(other.Select(s => s.Shipment.Id)));
        Assert.NotEqual(story.Shipments[0].Events[0].EventJson, other[0].Events[0].EventJson);
    }

    [Fact]
    public void It_tells_one_shipment_per_stage_each_with_events()
    {
        Assert.Equal(Enum.GetValues<DemoStage>().Order(), story.Shipments.Select(s => s.Stage).Order());
        Assert.All(story.Shipments, s => Assert.True(s.Events.Count >= 3, $"{s.Stage} has {s.Events.Count} events"));
        Assert.Equal(story.Shipments.Count, story.Shipments.Select(s => s.Shipment.Id).Distinct().Count());
    }

    [Fact]
    public void Every_event_parses_is_canonical_and_verifies_with_its_authors_public_key()
    {
        foreach (var shipment in story.Shipments)
        {
            foreach (var (signed, parsed) in DemoEvents.Read(shipment))
            {
                Assert.True(CanonicalJson.IsCanonical(signed.EventJson), parsed.ToString());
                Assert.Equal(signed.EventJson, parsed.CanonicalJson.ToArray());
                var verification = DetachedJws.Verify(story.Keys[signed.Author].PublicKey, signed.Signature, signed.EventJson);
                Assert.True(verification.IsValid, $"{shipment.Stage} {parsed}: {verification}");
                var otherAuthor = story.Keys.First(k => k.Key != signed.Author).Value;
                Assert.False(DetachedJws.Verify(otherAuthor.PublicKey, signed.Signature, signed.EventJson).IsValid);
            }
        }
    }

    [Fact]
    public void Every_event_is_one_its_author_may_write_in_its_roles_on_the_shipment()
    {
        foreach (var shipment in story.Shipments)
        {
            foreach (var (signed, parsed) in DemoEvents.Read(shipment))
            {
                var roles = shipment.Shipment.RolesOf(signed.Author);
                Assert.NotEmpty(roles);
                var decisions = roles.Select(r => EventWriteRules.Check(r, parsed)).ToList();
                Assert.True(decisions.Any(d => d.Allowed), $"{shipment.Stage} {signed.Author} {parsed}: {decisions[0].Reason}");
            }
        }
    }

    [Fact]
    public void Event_ids_are_time_ordered_uuids_of_their_creation_time()
    {
        foreach (var shipment in story.Shipments)
        {
            var events = DemoEvents.Read(shipment).Select(e => e.Event).ToList();
            Assert.All(events, e =>
            {
                Assert.Equal(7, e.EventId.Version);
                Span<byte> bytes = stackalloc byte[16];
                Assert.True(e.EventId.TryWriteBytes(bytes, bigEndian: true, out _));
                var milliseconds = 0L;
                foreach (var b in bytes[..6])
                {
                    milliseconds = (milliseconds << 8) | b;
                }

                // The event writes its creation time to the second; the id keeps the milliseconds.
                Assert.InRange(milliseconds - e.EventCreatedDateTime.ToUnixTimeMilliseconds(), 0, 999);
            });
        }
    }

    [Fact]
    public void Event_times_never_go_back_and_no_actual_event_is_in_the_future()
    {
        foreach (var shipment in story.Shipments)
        {
            var events = DemoEvents.Read(shipment).Select(e => e.Event).ToList();
            foreach (var (earlier, later) in events.Zip(events.Skip(1)))
            {
                Assert.True(earlier.EventDateTime <= later.EventDateTime, $"{shipment.Stage}: {later} happens before {earlier}");
                Assert.True(earlier.EventCreatedDateTime <= later.EventCreatedDateTime, $"{shipment.Stage}: {later} was created before {earlier}");
            }

            Assert.All(events, e => Assert.True(e.EventCreatedDateTime <= DemoStoryFixture.Now, $"{e} is created in the future"));
            Assert.All(events.Where(e => e.EventClassifierCode == EventClassifierCode.ACT), e =>
            {
                Assert.True(e.EventDateTime <= DemoStoryFixture.Now, $"{shipment.Stage}: actual {e} is in the future");
                Assert.True(e.EventDateTime <= e.EventCreatedDateTime, $"{e} is recorded before it happened");
            });
            Assert.All(events.Where(e => e.EventClassifierCode != EventClassifierCode.ACT), e =>
                Assert.True(e.EventDateTime > DemoStoryFixture.Now, $"{shipment.Stage}: forecast {e} is in the past"));
        }
    }

    [Fact]
    public void Events_carry_the_shipment_its_booking_its_container_and_proper_transport_calls()
    {
        foreach (var shipment in story.Shipments)
        {
            var container = shipment.Shipment.Containers.Single().Number;
            foreach (var (_, e) in DemoEvents.Read(shipment))
            {
                Assert.Equal(shipment.Shipment.Id.Value, e.ShipmentId);
                Assert.NotNull(e.CarrierBookingReference);
                if (e.EventType == EventType.EQUIPMENT)
                {
                    Assert.Equal(container, e.EquipmentReference);
                }

                if (e.TransportCall is { } call)
                {
                    var expected = story.Planner.Network.FindTerminal(call.UNLocationCode)!.Kind switch
                    {
                        TerminalKind.BorderCrossing => FacilityTypeCode.BOCR,
                        TerminalKind.FerryPort or TerminalKind.Seaport => FacilityTypeCode.POTE,
                        _ => FacilityTypeCode.INTE,
                    };
                    Assert.Equal(expected, call.FacilityTypeCode);
                    Assert.Equal(call.UNLocationCode, e.EventLocation);
                    var ferry = e.Is("DEPA", e.EventClassifierCode, "KZAKT") || e.Is("DEPA", e.EventClassifierCode, "KZKUR");
                    Assert.True(!ferry || call.ModeOfTransport == ModeOfTransport.VESSEL, $"{e} leaves a Caspian port by {call.ModeOfTransport}");
                }
            }

            Assert.Contains(DemoEvents.Read(shipment), e => e.Event.Is("CONF", EventClassifierCode.ACT) && e.Signed.Author == DemoParties.Forwarder);
        }
    }

    [Fact]
    public void Shipments_hold_a_full_consignment_note_a_checked_container_and_their_parties_in_allowed_roles()
    {
        foreach (var shipment in story.Shipments.Select(s => s.Shipment))
        {
            var container = Assert.Single(shipment.Containers);
            Assert.Equal(container.Number, ContainerNumber.Parse(container.Number.Value));
            Assert.NotEmpty(container.Seals);
            Assert.False(string.IsNullOrWhiteSpace(shipment.Consignment.GoodsDescription));
            Assert.True(shipment.Consignment.NumberOfPackages > 0 && shipment.Consignment.GrossMassKg > 0);
            Assert.Equal(shipment.Itinerary.Legs[0].From, shipment.Consignment.PlaceOfTakingOver);
            Assert.Equal(shipment.Itinerary.Legs[^1].To, shipment.Consignment.PlaceOfDelivery);
            Assert.DoesNotContain(shipment.Itinerary.Countries, c => c.Value is "RU" or "BY");
            Assert.Contains(shipment.Itinerary.Legs, l => l.Mode == TransportMode.Ferry && l.From.Value is "KZAKT" or "KZKUR");
            foreach (var role in shipment.Parties)
            {
                var party = DemoParties.All.Single(p => p.Id == role.Party);
                Assert.True(ShipmentRoles.Allows(party.Kind, role.Role), $"{party.Id} as {role.Role}");
            }

            Assert.Contains(shipment.Parties, p => p.Party == DemoParties.Customs && p.Role == ShipmentRole.CustomsAuthority);
            Assert.Contains(shipment.Parties, p => p.Party == DemoParties.Asco && p.Role == ShipmentRole.Carrier);
        }
    }

    [Theory]
    [InlineData("2026-11-20T09:00:00Z")]
    [InlineData("2026-03-02T17:30:00Z")]
    [InlineData("2027-01-07T00:00:00Z")]
    [InlineData("2026-07-15T12:45:00Z")]
    [InlineData("2026-05-09T06:00:00Z")]
    [InlineData("2026-09-23T21:10:00Z")]
    [InlineData("2026-12-24T15:00:00Z")]
    [InlineData("2027-02-13T03:20:00Z")]
    public void Every_stage_is_told_whatever_the_day(string now)
    {
        var clock = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);
        var shipments = DemoStory.Tell(story.Planner, story.Keys, DemoStoryFixture.Seed, new FakeTimeProvider(clock));
        DemoShipment At(DemoStage stage) => shipments.Single(s => s.Stage == stage);

        var delivered = DemoEvents.Read(At(DemoStage.Delivered)).Select(e => e.Event).ToList();
        Assert.All(delivered, e => Assert.Equal(EventClassifierCode.ACT, e.EventClassifierCode));
        Assert.Contains(delivered, e => e.Is("STRP", EventClassifierCode.ACT, At(DemoStage.Delivered).Shipment.Consignment.PlaceOfDelivery.Value));
        Assert.Contains(delivered, e => e.Is("RELS", EventClassifierCode.ACT));

        var held = DemoEvents.Read(At(DemoStage.HeldByCustoms)).ToList();
        Assert.Contains(held, e => e.Event.Is("HOLD", EventClassifierCode.ACT) && e.Signed.Author == DemoParties.Customs);
        Assert.DoesNotContain(held, e => e.Event.TypeCode == "RELS");
        Assert.Equal("HOLD", held[^1].Event.TypeCode);

        var waiting = DemoEvents.Read(At(DemoStage.WaitingForFerry)).Select(e => e.Event).ToList();
        var arrivedAtPort = Assert.Single(waiting, e => e.Is("ARRI", EventClassifierCode.ACT) && e.EventLocation?.Value is "KZAKT" or "KZKUR");
        Assert.True(clock - arrivedAtPort.EventDateTime >= TimeSpan.FromHours(60), $"only {clock - arrivedAtPort.EventDateTime} at the port");
        Assert.DoesNotContain(waiting, e => e.Is("DEPA", EventClassifierCode.ACT, arrivedAtPort.EventLocation!.Value.Value));
        Assert.Contains(waiting, e => e.TypeCode == "DEPA" && e.EventClassifierCode != EventClassifierCode.ACT
            && e.EventLocation == arrivedAtPort.EventLocation && e.TransportCall!.ModeOfTransport == ModeOfTransport.VESSEL);

        var onBtk = DemoEvents.Read(At(DemoStage.InTransitBakuTbilisiKars)).ToList();
        Assert.Contains(onBtk, e => e.Event.Is("DEPA", EventClassifierCode.ACT, "AZALT") && e.Signed.Author == DemoParties.Ady);
        Assert.DoesNotContain(onBtk, e => e.Event.Is("ARRI", EventClassifierCode.ACT, "GEAKH"));
        Assert.Contains(onBtk, e => e.Event.Is("ARRI", EventClassifierCode.EST, "GEAKH") && e.Signed.Author == DemoParties.GeorgianRailway);

        var acrossKazakhstan = DemoEvents.Read(At(DemoStage.InTransitKazakhstan)).ToList();
        Assert.Contains(acrossKazakhstan, e => e.Event.Is("DEPA", EventClassifierCode.ACT) && e.Signed.Author == DemoParties.Ktz
            && e.Event.TransportCall!.FacilityTypeCode == FacilityTypeCode.BOCR);
        Assert.Contains(acrossKazakhstan, e => e.Event.Is("RELS", EventClassifierCode.ACT) && e.Signed.Author == DemoParties.Customs);
        Assert.DoesNotContain(acrossKazakhstan, e => e.Event.EventType == EventType.TRANSPORT && e.Event.EventClassifierCode == EventClassifierCode.ACT
            && e.Event.EventLocation?.Value is "KZAKT" or "KZKUR");

        var booked = DemoEvents.Read(At(DemoStage.Booked)).Select(e => e.Event).ToList();
        Assert.Contains(booked, e => e.Is("CONF", EventClassifierCode.ACT));
        Assert.DoesNotContain(booked, e => e.EventType != EventType.SHIPMENT && e.EventClassifierCode == EventClassifierCode.ACT);
        Assert.Contains(booked, e => e.EventClassifierCode == EventClassifierCode.PLN);
    }
}
