using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Caravan.Core.Geography;
using Caravan.Core.Shipments;

namespace Caravan.Core.Events;

/// <summary>
/// Reads an event's JSON into a <see cref="ShipmentEvent"/> and its canonical bytes, or lists every problem, each
/// naming the field at fault. The accepted fields are DCSA T&amp;T v2.2's (see docs/record.md); anything else is
/// refused, so every signed byte means something. Values are checked, not repaired: a LOCODE or container
/// number must be written in its normal form (<c>KZDSK</c>, <c>CSQU3054383</c>).
/// </summary>
public static partial class ShipmentEventJson
{
    private const int MaxShipmentIdLength = 100;

    private static readonly HashSet<string> CommonFields =
    [
        "eventID", "eventType", "eventClassifierCode", "eventDateTime", "eventCreatedDateTime", "shipmentID",
        "correctsEventID", "eventLocation", "carrierBookingReference", "transportDocumentReference",
    ];

    private static readonly Dictionary<string, EventType> TypeFields = new(StringComparer.Ordinal)
    {
        ["shipmentEventTypeCode"] = EventType.SHIPMENT,
        ["documentTypeCode"] = EventType.SHIPMENT,
        ["documentID"] = EventType.SHIPMENT,
        ["transportEventTypeCode"] = EventType.TRANSPORT,
        ["equipmentEventTypeCode"] = EventType.EQUIPMENT,
        ["equipmentReference"] = EventType.EQUIPMENT,
        ["emptyIndicatorCode"] = EventType.EQUIPMENT,
    };

    /// <summary>Reads one event from UTF-8 JSON.</summary>
    public static EventParseResult TryParse(ReadOnlySpan<byte> json) => TryParse(new ReadOnlyMemory<byte>(json.ToArray()));

    /// <summary>Reads one event from UTF-8 JSON without copying it.</summary>
    public static EventParseResult TryParse(ReadOnlyMemory<byte> json)
    {
        if (!CanonicalJson.TryParseDocument(json, out var document, out var error))
        {
            return Failed(new EventProblem("$", error));
        }

        using var parsedDocument = document;
        var root = document.RootElement;
        if (!CanonicalJson.TryCanonicalize(root, out var canonical, out error))
        {
            return Failed(ProblemAt(error));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Failed(new EventProblem("$", "an event is a JSON object"));
        }

        var reader = new FieldReader(root, "$");
        var eventId = reader.Guid("eventID", required: true);
        var eventType = reader.Code<EventType>("eventType", required: true);
        var classifier = reader.Code<EventClassifierCode>("eventClassifierCode", required: true);
        var eventDateTime = reader.Time("eventDateTime");
        var createdDateTime = reader.Time("eventCreatedDateTime");
        var shipmentId = reader.Text("shipmentID", MaxShipmentIdLength, required: true);
        var correctsEventId = reader.Guid("correctsEventID", required: false);
        var eventLocation = reader.Location("eventLocation");
        var bookingReference = reader.Text("carrierBookingReference", 35, required: false);
        var documentReference = reader.Text("transportDocumentReference", 20, required: false);

        if (eventId is { } id && correctsEventId == id)
        {
            reader.Problem("correctsEventID", "an event cannot correct itself");
        }

        ShipmentEventTypeCode? shipmentCode = null;
        DocumentTypeCode? documentType = null;
        string? documentId = null;
        TransportEventTypeCode? transportCode = null;
        TransportCall? transportCall = null;
        EquipmentEventTypeCode? equipmentCode = null;
        ContainerNumber? equipmentReference = null;
        EmptyIndicatorCode? emptyIndicator = null;
        if (eventType is { } type)
        {
            foreach (var (field, owner) in TypeFields)
            {
                if (owner != type && reader.Has(field))
                {
                    reader.Problem(field, $"is a field of {owner} events, not of {type} events");
                    reader.MarkRead(field);
                }
            }

            switch (type)
            {
                case EventType.SHIPMENT:
                    shipmentCode = reader.Code<ShipmentEventTypeCode>("shipmentEventTypeCode", required: true);
                    documentType = reader.Code<DocumentTypeCode>("documentTypeCode", required: true);
                    documentId = reader.Text("documentID", 100, required: true);

                    // DCSA v3 states it outright: a shipment event records a document's status, which is always actual.
                    if (classifier is not null and not EventClassifierCode.ACT)
                    {
                        reader.Problem("eventClassifierCode", $"a SHIPMENT event is ACT, not {classifier}");
                    }

                    if (reader.Has("transportCall"))
                    {
                        reader.Problem("transportCall", "is a field of TRANSPORT and EQUIPMENT events, not of SHIPMENT events");
                        reader.MarkRead("transportCall");
                    }

                    break;
                case EventType.TRANSPORT:
                    transportCode = reader.Code<TransportEventTypeCode>("transportEventTypeCode", required: true);
                    transportCall = ReadTransportCall(reader, required: true);
                    break;
                default:
                    equipmentCode = reader.Code<EquipmentEventTypeCode>("equipmentEventTypeCode", required: true);
                    equipmentReference = reader.Container("equipmentReference");
                    emptyIndicator = reader.Code<EmptyIndicatorCode>("emptyIndicatorCode", required: true);
                    transportCall = ReadTransportCall(reader, required: false);
                    break;
            }
        }

        reader.ReportUnknownFields(name => CommonFields.Contains(name) || TypeFields.ContainsKey(name) || name == "transportCall");
        if (reader.Problems.Count > 0)
        {
            return new EventParseResult(null, reader.Problems);
        }

        var parsed = new ShipmentEvent(canonical)
        {
            EventId = eventId!.Value,
            EventType = eventType!.Value,
            EventClassifierCode = classifier!.Value,
            EventDateTime = eventDateTime!.Value,
            EventCreatedDateTime = createdDateTime!.Value,
            ShipmentId = shipmentId!,
            CorrectsEventId = correctsEventId,
            EventLocation = eventLocation,
            CarrierBookingReference = bookingReference,
            TransportDocumentReference = documentReference,
            ShipmentEventTypeCode = shipmentCode,
            DocumentTypeCode = documentType,
            DocumentId = documentId,
            TransportEventTypeCode = transportCode,
            TransportCall = transportCall,
            EquipmentEventTypeCode = equipmentCode,
            EquipmentReference = equipmentReference,
            EmptyIndicatorCode = emptyIndicator,
        };
        return new EventParseResult(parsed, []);
    }

    private static TransportCall? ReadTransportCall(FieldReader reader, bool required)
    {
        if (reader.Object("transportCall", required) is not { } call)
        {
            return null;
        }

        var mode = call.Code<ModeOfTransport>("modeOfTransport", required: true);
        var place = call.Locode("UNLocationCode", required: true);
        var facility = call.Code<FacilityTypeCode>("facilityTypeCode", required: true);
        var reference = call.Text("transportCallReference", 100, required: true);
        var service = call.Text("carrierServiceCode", 5, required: false);
        var railService = call.Text("railService", 50, required: false);
        string? imo = null;
        string? vesselName = null;
        if (call.Object("vessel", required: false) is { } vessel)
        {
            imo = vessel.Text("vesselIMONumber", 7, required: true);
            if (imo is not null && (imo.Length != 7 || !imo.All(char.IsAsciiDigit)))
            {
                vessel.Problem("vesselIMONumber", "must be the 7-digit IMO number");
            }

            vesselName = vessel.Text("vesselName", 35, required: false);
            vessel.ReportUnknownFields(name => name is "vesselIMONumber" or "vesselName");
            if (mode is not null and not (ModeOfTransport.VESSEL or ModeOfTransport.BARGE))
            {
                call.Problem("vessel", $"a {mode} transport call has no vessel");
            }
        }

        if (railService is not null && mode is not null and not ModeOfTransport.RAIL)
        {
            call.Problem("railService", $"a {mode} transport call has no rail service");
        }

        call.ReportUnknownFields(name => name is "modeOfTransport" or "UNLocationCode" or "facilityTypeCode"
            or "transportCallReference" or "carrierServiceCode" or "railService" or "vessel");
        return mode is { } m && place is { } p && facility is { } f && reference is not null
            ? new TransportCall(m, p, f, reference, service, imo, vesselName, railService)
            : null;
    }

    private static EventProblem ProblemAt(string error)
    {
        // CanonicalJson's reasons start with the path when they have one: "$.a[2]: ...".
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        return error.StartsWith('$') && colon > 0
            ? new EventProblem(error[..colon], error[(colon + 2)..])
            : new EventProblem("$", error);
    }

    private static EventParseResult Failed(EventProblem problem) => new(null, [problem]);

    // ISO 8601 date and time with seconds, optional fraction, and an explicit offset (Z or ±hh:mm).
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeWithOffset();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex LowerCaseGuid();

    /// <summary>Reads the members of one JSON object, collecting problems with their paths and noting which members were read.</summary>
    private sealed class FieldReader
    {
        // An event's objects hold a dozen members at most, so a scan of one array beats a dictionary and a set, and
        // allocates less for every event posted. The canonicaliser has already refused duplicate names.
        private readonly Member[] _members;
        private readonly string _parentPath;
        private readonly string? _name;
        private string? _path;

        public FieldReader(JsonElement element, string parentPath, string? name = null, List<EventProblem>? problems = null)
        {
            _parentPath = parentPath;
            _name = name;
            Problems = problems ?? [];
            _members = new Member[element.GetPropertyCount()];
            var i = 0;
            foreach (var member in element.EnumerateObject())
            {
                _members[i++] = new Member(member.Name, member.Value);
            }
        }

        public List<EventProblem> Problems { get; }

        private string Path => _path ??= _name is null ? _parentPath : $"{_parentPath}.{_name}";

        public bool Has(string name) => IndexOf(name) >= 0;

        public void MarkRead(string name)
        {
            var index = IndexOf(name);
            if (index >= 0)
            {
                _members[index].Read = true;
            }
        }

        public void Problem(string name, string message) => Problems.Add(new EventProblem($"{Path}.{name}", message));

        public void ReportUnknownFields(Func<string, bool> known)
        {
            List<string>? unknown = null;
            foreach (var member in _members)
            {
                if (!member.Read && !known(member.Name))
                {
                    (unknown ??= []).Add(member.Name);
                }
            }

            unknown?.Sort(StringComparer.Ordinal);
            foreach (var name in unknown ?? [])
            {
                Problem(name, "is not a field of a Caravan event (see docs/record.md)");
            }
        }

        public string? Text(string name, int maxLength, bool required)
        {
            if (!TryGet(name, JsonValueKind.String, "a string", required, out var element))
            {
                return null;
            }

            var text = element.GetString()!;
            if (text.Length == 0 || text.Length > maxLength)
            {
                Problem(name, $"must be 1 to {maxLength} characters, not {text.Length}");
                return null;
            }

            if (HasControlCharacter(text))
            {
                Problem(name, "must not contain control characters");
                return null;
            }

            return text;
        }

        public T? Code<T>(string name, bool required)
            where T : struct, Enum
        {
            var text = Text(name, 16, required);
            if (text is null)
            {
                return null;
            }

            // Enum.TryParse also takes numbers and other cases; a DCSA code is its exact upper-case letters.
            if (IsAsciiUpper(text) && Enum.TryParse<T>(text, ignoreCase: false, out var code))
            {
                return code;
            }

            Problem(name, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
            return null;
        }

        public Guid? Guid(string name, bool required)
        {
            var text = Text(name, 36, required);
            if (text is null)
            {
                return null;
            }

            if (!LowerCaseGuid().IsMatch(text))
            {
                Problem(name, $"'{text}' is not a UUID in lower-case 8-4-4-4-12 form");
                return null;
            }

            return System.Guid.ParseExact(text, "D");
        }

        public DateTimeOffset? Time(string name)
        {
            var text = Text(name, 40, required: true);
            if (text is null)
            {
                return null;
            }

            if (!DateTimeWithOffset().IsMatch(text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                Problem(name, $"'{text}' is not an ISO 8601 date-time with seconds and an offset (2026-03-01T14:30:00Z, 2026-03-01T18:30:00+04:00)");
                return null;
            }

            return time;
        }

        public Locode? Locode(string name, bool required)
        {
            var text = Text(name, 10, required);
            if (text is null)
            {
                return null;
            }

            if (text.Length != 5 || !Geography.Locode.TryParse(text, out var locode) || locode.Value != text)
            {
                Problem(name, $"'{text}' is not a UN/LOCODE: two letters A–Z, then three of A–Z or 2–9, upper case, no space");
                return null;
            }

            return locode;
        }

        public Locode? Location(string name)
        {
            if (Object(name, required: false) is not { } location)
            {
                return null;
            }

            var locode = location.Locode("UNLocationCode", required: true);
            location.ReportUnknownFields(n => n == "UNLocationCode");
            return locode;
        }

        public ContainerNumber? Container(string name)
        {
            var text = Text(name, 20, required: true);
            if (text is null)
            {
                return null;
            }

            if (!ContainerNumber.TryParse(text, out var number, out var error))
            {
                Problem(name, error);
                return null;
            }

            if (number.Value != text)
            {
                Problem(name, $"write the container number as {number.Value}: eleven characters, upper case, no spaces");
                return null;
            }

            return number;
        }

        public FieldReader? Object(string name, bool required) =>
            TryGet(name, JsonValueKind.Object, "an object", required, out var element)
                ? new FieldReader(element, Path, name, Problems)
                : null;

        private static bool HasControlCharacter(string text)
        {
            foreach (var c in text)
            {
                if (char.IsControl(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAsciiUpper(string text)
        {
            foreach (var c in text)
            {
                if (!char.IsAsciiLetterUpper(c))
                {
                    return false;
                }
            }

            return true;
        }

        private int IndexOf(string name)
        {
            for (var i = 0; i < _members.Length; i++)
            {
                if (string.Equals(_members[i].Name, name, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        private bool TryGet(string name, JsonValueKind kind, string what, bool required, out JsonElement element)
        {
            var index = IndexOf(name);
            if (index < 0)
            {
                element = default;
                if (required)
                {
                    Problem(name, "is required");
                }

                return false;
            }

            _members[index].Read = true;
            element = _members[index].Value;

            if (element.ValueKind != kind)
            {
                Problem(name, $"must be {what}, not {element.ValueKind.ToString().ToLowerInvariant()}");
                return false;
            }

            return true;
        }

        private struct Member(string name, JsonElement value)
        {
            public string Name { get; } = name;

            public JsonElement Value { get; } = value;

            public bool Read { get; set; }
        }
    }
}
