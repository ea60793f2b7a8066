using Caravan.Core.Events;
using Caravan.Core.Shipments;

namespace Caravan.Core.Tests.Events;

public sealed class EventWriteRulesTests
{
    [Theory]
    [InlineData(ShipmentRole.Carrier, EventType.TRANSPORT, "DEPA", EventClassifierCode.ACT)]
    [InlineData(ShipmentRole.Carrier, EventType.TRANSPORT, "ARRI", EventClassifierCode.EST)]
    [InlineData(ShipmentRole.Carrier, EventType.EQUIPMENT, "LOAD", EventClassifierCode.PLN)]
    [InlineData(ShipmentRole.TerminalOperator, EventType.EQUIPMENT, "GTIN", EventClassifierCode.ACT)]
    [InlineData(ShipmentRole.TerminalOperator, EventType.EQUIPMENT, "DISC", EventClassifierCode.ACT)]
    [InlineData(ShipmentRole.CustomsAuthority, EventType.SHIPMENT, "HOLD", EventClassifierCode.ACT)]
    [InlineData(ShipmentRole.CustomsAuthority, EventType.SHIPMENT, "RELS", EventClassifierCode.ACT)]
    [InlineData(ShipmentRole.CustomsAuthority, EventType.EQUIPMENT, "INSP", EventClassifierCode.ACT)]
    [InlineData(ShipmentRole.Forwarder, EventType.SHIPMENT, "ISSU", EventClassifierCode.ACT)]
    [InlineData(ShipmentRole.Forwarder, EventType.SHIPMENT, "CONF", EventClassifierCode.ACT)]
    [InlineData(ShipmentRole.Shipper, EventType.SHIPMENT, "SUBM", EventClassifierCode.ACT)]
    [InlineData(ShipmentRole.Shipper, EventType.EQUIPMENT, "STUF", EventClassifierCode.ACT)]
    [InlineData(ShipmentRole.Consignee, EventType.SHIPMENT, "SURR", EventClassifierCode.ACT)]
    [InlineData(ShipmentRole.Consignee, EventType.EQUIPMENT, "STRP", EventClassifierCode.ACT)]
    public void Each_role_may_write_its_own_events(ShipmentRole role, EventType type, string code, EventClassifierCode classifier)
    {
        var decision = EventWriteRules.Check(role, type, code, classifier);

        Assert.True(decision.Allowed, decision.Reason);
        Assert.Null(decision.Reason);
    }

    [Theory]
    [InlineData(ShipmentRole.Carrier, EventType.SHIPMENT, "HOLD", EventClassifierCode.ACT, "a carrier may not write SHIPMENT HOLD ACT events")]
    [InlineData(ShipmentRole.Carrier, EventType.EQUIPMENT, "INSP", EventClassifierCode.ACT, "a carrier may not write EQUIPMENT INSP ACT events")]
    [InlineData(ShipmentRole.TerminalOperator, EventType.TRANSPORT, "DEPA", EventClassifierCode.ACT, "a terminal operator may not write TRANSPORT DEPA ACT")]
    [InlineData(ShipmentRole.CustomsAuthority, EventType.TRANSPORT, "ARRI", EventClassifierCode.ACT, "a customs authority may not write TRANSPORT ARRI")]
    [InlineData(ShipmentRole.CustomsAuthority, EventType.SHIPMENT, "ISSU", EventClassifierCode.ACT, "a customs authority may not write SHIPMENT ISSU")]
    [InlineData(ShipmentRole.Forwarder, EventType.SHIPMENT, "HOLD", EventClassifierCode.ACT, "a forwarder may not write SHIPMENT HOLD")]
    [InlineData(ShipmentRole.Forwarder, EventType.SHIPMENT, "RELS", EventClassifierCode.ACT, "a forwarder may not write SHIPMENT RELS")]
    [InlineData(ShipmentRole.Forwarder, EventType.EQUIPMENT, "LOAD", EventClassifierCode.ACT, "a forwarder may not write EQUIPMENT LOAD")]
    [InlineData(ShipmentRole.Shipper, EventType.SHIPMENT, "ISSU", EventClassifierCode.ACT, "a shipper may not write SHIPMENT ISSU")]
    [InlineData(ShipmentRole.Consignee, EventType.TRANSPORT, "ARRI", EventClassifierCode.ACT, "a consignee may not write TRANSPORT ARRI")]
    public void A_role_may_not_write_others_events_and_the_reason_names_role_and_event(
        ShipmentRole role, EventType type, string code, EventClassifierCode classifier, string reason)
    {
        var decision = EventWriteRules.Check(role, type, code, classifier);

        Assert.False(decision.Allowed);
        Assert.StartsWith(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_platform_writes_actual_and_estimated_transport_and_gate_events_only()
    {
        var arrival = SampleEvents.Parse(SampleEvents.Transport("ARRI", "ACT"));
        var estimate = SampleEvents.Parse(SampleEvents.Transport("ARRI", "EST"));
        var plan = SampleEvents.Parse(SampleEvents.Transport("DEPA", "PLN"));
        var gateIn = SampleEvents.Parse(SampleEvents.Equipment("GTIN"));
        var load = SampleEvents.Parse(SampleEvents.Equipment("LOAD"));
        var hold = SampleEvents.Parse(SampleEvents.Shipment("HOLD"));

        Assert.True(EventWriteRules.CheckPlatform(arrival).Allowed);
        Assert.True(EventWriteRules.CheckPlatform(estimate).Allowed);
        Assert.True(EventWriteRules.CheckPlatform(gateIn).Allowed);
        Assert.False(EventWriteRules.CheckPlatform(plan).Allowed);
        Assert.False(EventWriteRules.CheckPlatform(load).Allowed);
        Assert.StartsWith("the platform may not write SHIPMENT HOLD ACT events", EventWriteRules.CheckPlatform(hold).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parsed_event_is_checked_by_its_family_code_and_classifier()
    {
        var hold = SampleEvents.Parse(SampleEvents.Shipment("HOLD"));

        Assert.True(EventWriteRules.Check(ShipmentRole.CustomsAuthority, hold).Allowed);
        Assert.False(EventWriteRules.Check(ShipmentRole.Carrier, hold).Allowed);
    }

    [Fact]
    public void Only_customs_may_hold_or_release_and_every_other_shipment_code_has_a_writer()
    {
        foreach (var code in Enum.GetNames<ShipmentEventTypeCode>())
        {
            var writers = Enum.GetValues<ShipmentRole>()
                .Where(r => EventWriteRules.Check(r, EventType.SHIPMENT, code, EventClassifierCode.ACT).Allowed)
                .ToList();

            if (code is "HOLD" or "RELS")
            {
                Assert.Equal([ShipmentRole.CustomsAuthority], writers);
            }
            else
            {
                Assert.Contains(ShipmentRole.Forwarder, writers);
                Assert.DoesNotContain(ShipmentRole.CustomsAuthority, writers);
            }
        }
    }

    [Fact]
    public void Every_code_in_the_table_is_a_DCSA_code_of_its_family()
    {
        foreach (var rule in EventWriteRules.Table)
        {
            var codes = rule.EventType switch
            {
                EventType.SHIPMENT => Enum.GetNames<ShipmentEventTypeCode>(),
                EventType.TRANSPORT => Enum.GetNames<TransportEventTypeCode>(),
                _ => Enum.GetNames<EquipmentEventTypeCode>(),
            };
            Assert.All(rule.TypeCodes, c => Assert.Contains(c, codes));
            Assert.NotEmpty(rule.Classifiers);
        }
    }

    [Fact]
    public void Docs_record_md_shows_the_same_table()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Caravan.slnx")))
        {
            root = root.Parent ?? throw new InvalidOperationException("No Caravan.slnx above the test directory.");
        }

        var doc = File.ReadAllLines(Path.Combine(root.FullName, "docs", "record.md"));
        var writers = Enum.GetValues<ShipmentRole>().Select(r => EventWriteRules.NameOf(r)).Append(EventWriteRules.NameOf(null)).ToHashSet();
        var documented = doc.Where(line => writers.Any(w => line.StartsWith($"| {w} | ", StringComparison.Ordinal))).ToList();
        var expected = EventWriteRules.Table
            .Select(r => $"| {EventWriteRules.NameOf(r.Role)} | {r.EventType} | {string.Join(", ", r.TypeCodes)} | {string.Join(", ", r.Classifiers)} | {r.Why} |")
            .ToList();

        Assert.Equal(expected, documented);
    }
}
