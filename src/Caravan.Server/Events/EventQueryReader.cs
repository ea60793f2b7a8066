using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Caravan.Core.Events;
using Caravan.Core.Geography;
using Caravan.Core.Shipments;
using Caravan.Server.Errors;
using Caravan.Storage;

namespace Caravan.Server.Events;

/// <summary>
/// Reads the query of <c>GET /v2/events</c> (DCSA T&amp;T v2.2, standards.md §1.5) into an <see cref="EventQuery"/>:
/// comma lists are OR, parameters AND, <c>eventCreatedDateTime</c> takes <c>:gte :gt :lte :lt :eq</c> suffixes and
/// may repeat. Every value is checked; a parameter Caravan does not support is refused rather than ignored, so a
/// client never mistakes an unfiltered answer for a filtered one.
/// </summary>
internal static partial class EventQueryReader
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private const string Created = "eventCreatedDateTime";

    public static (EventQuery Query, int Limit, string? Cursor, string Filters) Read(IQueryCollection query, FieldErrors errors)
    {
        var result = new EventQuery();
        var limit = DefaultLimit;
        string? cursor = null;
        var created = new List<(string Operator, DateTimeOffset Time)>();
        foreach (var (name, values) in query)
        {
            switch (name)
            {
                case "eventType":
                    result = result with { EventTypes = Codes<EventType>(name, values, errors) };
                    break;
                case "shipmentEventTypeCode":
                    result = result with { ShipmentEventTypeCodes = Codes<ShipmentEventTypeCode>(name, values, errors) };
                    break;
                case "transportEventTypeCode":
                    result = result with { TransportEventTypeCodes = Codes<TransportEventTypeCode>(name, values, errors) };
                    break;
                case "equipmentEventTypeCode":
                    result = result with { EquipmentEventTypeCodes = Codes<EquipmentEventTypeCode>(name, values, errors) };
                    break;
                case "equipmentReference":
                    var container = Single(name, values, errors);
                    if (container is not null && !ContainerNumber.TryParse(container, out _, out var containerError))
                    {
                        errors.Add(name, containerError);
                    }

                    result = result with { EquipmentReference = container };
                    break;
                case "carrierBookingReference":
                    result = result with { CarrierBookingReference = Single(name, values, errors) };
                    break;
                case "transportDocumentReference":
                    result = result with { TransportDocumentReference = Single(name, values, errors) };
                    break;
                case "UNLocationCode":
                    var location = Single(name, values, errors);
                    if (location is not null && !Locode.TryParse(location, out _))
                    {
                        errors.Add(name, $"'{location}' is not a UN/LOCODE (two letters, then three of A–Z or 2–9, e.g. KZDSK).");
                    }

                    result = result with { UNLocationCode = location };
                    break;
                case "limit":
                    var text = Single(name, values, errors);
                    if (text is not null && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
                    {
                        errors.Add(name, $"limit is a whole number from 1 to {MaxLimit}.");
                    }

                    break;
                case "cursor":
                    cursor = Single(name, values, errors);
                    break;
                default:
                    if (name == Created || name.StartsWith(Created + ":", StringComparison.Ordinal))
                    {
                        var op = name == Created ? "eq" : name[(Created.Length + 1)..];
                        if (op is not ("gte" or "gt" or "lte" or "lt" or "eq"))
                        {
                            errors.Add(name, "The operator is one of :gte :gt :lte :lt :eq.");
                            break;
                        }

                        foreach (var value in values)
                        {
                            if (value is not null && OffsetTime().IsMatch(value)
                                && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                            {
                                created.Add((op, time));
                            }
                            else
                            {
                                errors.Add(name, $"'{value}' is not an ISO 8601 date-time with an offset, e.g. 2026-03-02T00:00:00Z.");
                            }
                        }

                        break;
                    }

                    errors.Add(name, "Caravan does not support this parameter of GET /v2/events; see docs/api.md for those it does.");
                    break;
            }
        }

        result = result with { EventCreatedDateTime = created };
        return (result, limit, cursor, Describe(result));
    }

    // The filters in one normal form, for binding cursors: the same filters in any order or case give the same text.
    private static string Describe(EventQuery q)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', q.EventTypes.Order(StringComparer.Ordinal)).Append('|')
            .AppendJoin(',', q.ShipmentEventTypeCodes.Order(StringComparer.Ordinal)).Append('|')
            .AppendJoin(',', q.TransportEventTypeCodes.Order(StringComparer.Ordinal)).Append('|')
            .AppendJoin(',', q.EquipmentEventTypeCodes.Order(StringComparer.Ordinal)).Append('|')
            .Append(q.EquipmentReference).Append('|')
            .Append(q.CarrierBookingReference).Append('|')
            .Append(q.TransportDocumentReference).Append('|')
            .Append(q.UNLocationCode).Append('|')
            .AppendJoin(',', q.EventCreatedDateTime
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Operator}{c.Time.UtcTicks}"))
                .Order(StringComparer.Ordinal));
        return text.ToString();
    }

    private static List<string> Codes<T>(string name, Microsoft.Extensions.Primitives.StringValues values, FieldErrors errors)
        where T : struct, Enum
    {
        var codes = new List<string>();
        foreach (var code in values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<T>(code, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(code.FirstOrDefault()))
            {
                codes.Add(code);
            }
            else
            {
                errors.Add(name, $"'{code}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
            }
        }

        return codes.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string? Single(string name, Microsoft.Extensions.Primitives.StringValues values, FieldErrors errors)
    {
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            errors.Add(name, "Give this parameter once, with a value.");
            return null;
        }

        return values[0];
    }

    [GeneratedRegex(@"([zZ]|[+-]\d\d:\d\d)$")]
    private static partial Regex OffsetTime();
}
