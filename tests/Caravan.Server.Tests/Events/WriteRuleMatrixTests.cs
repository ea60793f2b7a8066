using System.Net;

namespace Caravan.Server.Tests.Events;

/// <summary>
/// Every role × every event type code, posted as an actual event over HTTP: 201 where docs/record.md §5 allows it, 403
/// naming the role and the event where it does not. The table below is written out by hand from the docs, not read
/// from <c>EventWriteRules</c>, so a change to either shows here.
/// </summary>
public sealed class WriteRuleMatrixTests(RecordFixture record) : IClassFixture<RecordFixture>
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["carrier"] = ["TRANSPORT ARRI", "TRANSPORT DEPA", "EQUIPMENT LOAD", "EQUIPMENT DISC", "EQUIPMENT GTIN", "EQUIPMENT GTOT", "EQUIPMENT STUF", "EQUIPMENT STRP", "EQUIPMENT PICK", "EQUIPMENT DROP", "EQUIPMENT RSEA", "EQUIPMENT RMVD"],
        ["terminalOperator"] = ["EQUIPMENT GTIN", "EQUIPMENT GTOT", "EQUIPMENT LOAD", "EQUIPMENT DISC", "EQUIPMENT STUF", "EQUIPMENT STRP", "EQUIPMENT PICK", "EQUIPMENT DROP"],
        ["customsAuthority"] = ["SHIPMENT HOLD", "SHIPMENT RELS", "EQUIPMENT INSP", "EQUIPMENT RSEA"],
        ["forwarder"] = ["SHIPMENT RECE", "SHIPMENT DRFT", "SHIPMENT PENA", "SHIPMENT PENU", "SHIPMENT REJE", "SHIPMENT APPR", "SHIPMENT ISSU", "SHIPMENT SURR", "SHIPMENT SUBM", "SHIPMENT VOID", "SHIPMENT CONF", "SHIPMENT REQS", "SHIPMENT CMPL"],
        ["shipper"] = ["SHIPMENT DRFT", "SHIPMENT SUBM", "SHIPMENT REQS", "SHIPMENT APPR", "SHIPMENT REJE", "SHIPMENT CONF", "EQUIPMENT STUF"],
        ["consignee"] = ["SHIPMENT RECE", "SHIPMENT SURR", "SHIPMENT CMPL", "EQUIPMENT STRP"],
    };

    private static readonly (string Type, string[] Codes)[] Families =
    [
        ("SHIPMENT", ["RECE", "DRFT", "PENA", "PENU", "REJE", "APPR", "ISSU", "SURR", "SUBM", "VOID", "CONF", "REQS", "CMPL", "HOLD", "RELS"]),
        ("TRANSPORT", ["ARRI", "DEPA"]),
        ("EQUIPMENT", ["LOAD", "DISC", "GTIN", "GTOT", "STUF", "STRP", "PICK", "DROP", "INSP", "RSEA", "RMVD"]),
    ];

    public static TheoryData<string, string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var role in Allowed.Keys)
        {
            foreach (var (type, codes) in Families)
            {
                foreach (var code in codes)
                {
                    data.Add(role, type, code, Allowed[role].Contains($"{type} {code}"));
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_matrix_covers_six_roles_and_all_28_type_codes()
    {
        Assert.Equal(6 * 28, Matrix().Count);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_role_may_write_exactly_its_own_actual_events(string role, string type, string code, bool allowed)
    {
        var shipment = await record.SharedShipmentAsync();
        var envelope = EventApi.Envelope(EventApi.Event(shipment, type, code), record.Key(role));

        var response = await EventApi.PostAsync(record.Client(role), shipment, envelope);

        if (allowed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var detail = (await Api.ProblemAsync(response))["detail"]!.GetValue<string>();
            Assert.Contains($"may not write {type} {code} ACT events", detail, StringComparison.Ordinal);
            Assert.Contains(Name(role), detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("carrier", "TRANSPORT", "DEPA", "PLN", HttpStatusCode.Created)]
    [InlineData("carrier", "EQUIPMENT", "LOAD", "EST", HttpStatusCode.Created)]
    [InlineData("terminalOperator", "EQUIPMENT", "GTIN", "PLN", HttpStatusCode.Created)]
    [InlineData("customsAuthority", "EQUIPMENT", "INSP", "PLN", HttpStatusCode.Forbidden)]
    [InlineData("shipper", "EQUIPMENT", "STUF", "EST", HttpStatusCode.Forbidden)]
    public async Task Plans_and_estimates_follow_the_classifier_column(string role, string type, string code, string classifier, HttpStatusCode expected)
    {
        var shipment = await record.SharedShipmentAsync();

        var response = await EventApi.PostAsync(record.Client(role), shipment, EventApi.Envelope(EventApi.Event(shipment, type, code, classifier), record.Key(role)));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_refused_event_writes_nothing()
    {
        var shipment = await record.SharedShipmentAsync();
        var before = await EventApi.CountAsync(record.Factory);

        var response = await EventApi.PostAsync(record.Client("forwarder"), shipment, EventApi.Envelope(EventApi.Event(shipment, "SHIPMENT", "HOLD"), record.Key("forwarder")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await EventApi.CountAsync(record.Factory));
    }

    private static string Name(string role) => role switch
    {
        "terminalOperator" => "a terminal operator",
        "customsAuthority" => "a customs authority",
        _ => "a " + role,
    };
}
