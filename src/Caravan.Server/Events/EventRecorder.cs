using System.Collections.Concurrent;
using System.Globalization;
using Caravan.Core.Events;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Caravan.Server.Keys;
using Caravan.Storage;

namespace Caravan.Server.Events;

/// <summary>
/// Appends signed events to shipments' chains. Before the writer: the event parses and is for this shipment; the
/// signature's kid is a key registered to the author and verifies over the event's canonical bytes; the author's roles
/// allow the event (a carrier that operates legs only at their terminals; the platform by its own rules); an equipment
/// event names a container of the shipment, an actual event has happened by the server's clock, and a correction names
/// an earlier event of the chain (or of the batch) that its author wrote. Then, in one
/// writer turn: an event id already recorded is answered from the store (same bytes) or refused (different bytes),
/// and the rest are stored after the chain's last entry. Signatures are verified and entries sealed (the platform's
/// signature and the hashes, see <see cref="ChainTips"/>) here, on the caller's thread, so the single writer does
/// little more than insert.
/// </summary>
public sealed class EventRecorder(
    IShipmentStore shipments,
    IPartyStore parties,
    IPartyKeyStore keys,
    IEventStore events,
    PlatformKeys platform,
    ChainTips tips,
    TimeProvider clock,
    ChainEntryFeed appended)
{
    /// <summary>The most events one batch may hold.</summary>
    public const int MaxBatchSize = 1000;

    /// <summary>
    /// How far ahead of the server's clock an actual (ACT) event's time may be: the clock skew a device or a party's
    /// clock is allowed, the same as for tracker readings (<see cref="ReadingValidator.DefaultMaxFutureSkew"/>).
    /// </summary>
    public static TimeSpan MaxFutureSkew => ReadingValidator.DefaultMaxFutureSkew;

    // Keys are only ever added, never changed or removed, so a key once found stays valid.
    private readonly ConcurrentDictionary<(string Party, string Kid), EventPublicKey> _keys = new();

    // The same keys by the protected header Caravan writes for each (base64url of {"alg":"EdDSA","kid":"…"}).
    private readonly ConcurrentDictionary<(string Party, string Header), EventPublicKey> _keysByHeader = new();

    /// <summary>Appends one event signed by <paramref name="author"/> to <paramref name="shipment"/>'s chain.</summary>
    /// <param name="author">The party that signed the event.</param>
    /// <param name="shipment">The shipment of the URL; the event's <c>shipmentID</c> must be it.</param>
    /// <param name="eventJson">The event's JSON as posted.</param>
    /// <param name="signature">The author's detached JWS over the event's canonical JSON.</param>
    /// <param name="cancellationToken">Cancels the request while it waits.</param>
    public async Task<EventAppendResult> AppendAsync(
        PartyId author, ShipmentId shipment, ReadOnlyMemory<byte> eventJson, string signature, CancellationToken cancellationToken) =>
        (await AppendBatchAsync(author, shipment, [(eventJson, signature)], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Appends every event, in order, or none: when any event is invalid, forbidden or conflicts, nothing is written and
    /// the others are <see cref="EventAppendOutcome.Skipped"/>. One result per event, in order.
    /// </summary>
    public async Task<IReadOnlyList<EventAppendResult>> AppendBatchAsync(
        PartyId author,
        ShipmentId shipment,
        IReadOnlyList<(ReadOnlyMemory<byte> EventJson, string Signature)> batch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch.Count, MaxBatchSize);
        var booked = await shipments.FindAsync(shipment, cancellationToken).ConfigureAwait(false);
        var isPlatform = author == PlatformKeys.PartyId;
        var roles = booked?.RolesOf(author) ?? [];
        var party = await parties.FindAsync(author, cancellationToken).ConfigureAwait(false);
        if (booked is null || party is null || (roles.Count == 0 && !isPlatform))
        {
            var notFound = EventAppendResult.Failed(EventAppendOutcome.ShipmentNotFound, "$", $"There is no shipment '{shipment}' that {author} holds a role in.");
            return batch.Select(_ => notFound).ToList();
        }

        var results = new EventAppendResult?[batch.Count];
        var accepted = new List<EventToAppend>(batch.Count);
        var failed = false;
        Dictionary<Guid, ChainEntry>? chain = null;
        for (var i = 0; i < batch.Count; i++)
        {
            var (json, signature) = batch[i];
            var (checkedEvent, failure) = await CheckAsync(party, booked, roles, isPlatform, json, signature, cancellationToken).ConfigureAwait(false);
            if (failure is null && checkedEvent!.CorrectsEventId is { } corrected)
            {
                // Read once per write, and only for a correction: an entry once in the chain stays there.
                chain ??= (await events.ListAsync(shipment, cancellationToken).ConfigureAwait(false)).ToDictionary(e => e.EventId);
                failure = CheckCorrection(author, booked, corrected, chain, accepted);
            }

            if (failure is not null)
            {
                results[i] = failure;
                failed = true;
            }
            else
            {
                accepted.Add(new EventToAppend(checkedEvent!, author.Value, signature));
            }
        }

        if (failed)
        {
            return results.Select(r => r ?? new EventAppendResult(EventAppendOutcome.Skipped, null, [])).ToList();
        }

        var stored = await SealAndAppendAsync(shipment, accepted, cancellationToken).ConfigureAwait(false);
        appended.Publish([.. stored.Where(s => s.Outcome == AppendOutcome.Appended).Select(s => s.Entry!)]);
        return stored.Select((s, i) => s.Outcome switch
        {
            AppendOutcome.Appended => new EventAppendResult(EventAppendOutcome.Appended, s.Entry, []),
            AppendOutcome.AlreadyRecorded => new EventAppendResult(EventAppendOutcome.AlreadyRecorded, s.Entry, []),
            AppendOutcome.Conflict => EventAppendResult.Failed(
                EventAppendOutcome.Conflict,
                "$.event.eventID",
                s.Entry is { } other && other.ShipmentId == shipment.Value
                    ? $"Event {accepted[i].Event.EventId} is already recorded as entry {other.Sequence} of this shipment with different content; a correction is a new event with its own eventID and correctsEventID."
                    : $"Event {accepted[i].Event.EventId} is already used by a different event; choose a new eventID."),
            _ => new EventAppendResult(EventAppendOutcome.Skipped, null, []),
        }).ToList();
    }

    /// <summary>
    /// In the shipment's turn, seals the events after the chain's predicted last entry on this thread and queues them
    /// for the single writer; the turn ends once the write is queued, so the next append of the shipment seals after
    /// these while they wait for their commit. The writer stores an entry sealed here only if it follows the chain's
    /// head as the writer finds it, and seals the event itself otherwise (an event already recorded, an append
    /// before it that failed, no prediction).
    /// </summary>
    private async Task<IReadOnlyList<AppendResult>> SealAndAppendAsync(ShipmentId shipment, List<EventToAppend> accepted, CancellationToken cancellationToken)
    {
        var signing = platform.Signing;
        ChainEntry Seal(ChainEntry? previous, EventToAppend e, bool closesWrite) =>
            ChainSealer.Seal(previous, e.AuthorPartyId, e.AuthorSignature, e.Event, signing, clock.GetUtcNow(), platformSigns: closesWrite);
        Dictionary<Guid, ChainEntry>? presealed = null;
        Task<IReadOnlyList<AppendResult>> pending;
        ChainTips.Ticket ticket;
        using (var turn = tips.TakeTurn(shipment))
        {
            var last = turn.Last;
            if (last is not null)
            {
                // An event repeated in the batch is appended once, at its first place; the last one appended is signed.
                var appended = accepted.DistinctBy(e => e.Event.EventId).ToList();
                presealed = new Dictionary<Guid, ChainEntry>(appended.Count);
                for (var i = 0; i < appended.Count; i++)
                {
                    last = Seal(last, appended[i], closesWrite: i == appended.Count - 1);
                    presealed[appended[i].Event.EventId] = last;
                }
            }

            // The writer signs the last entry it appends; one sealed here is taken only when it follows the head the
            // writer finds and is signed exactly when the writer's is (an event found already recorded moves the end).
            pending = events.AppendAsync(
                shipment,
                accepted,
                (previous, e, closesWrite) => presealed is not null
                    && presealed.TryGetValue(e.Event.EventId, out var entry)
                    && ChainSealer.Follows(entry, previous)
                    && entry.IsPlatformSigned == closesWrite
                        ? entry
                        : Seal(previous, e, closesWrite),
                cancellationToken);
            ticket = turn.Queued(last);
        }

        try
        {
            var stored = await pending.ConfigureAwait(false);
            tips.Settle(shipment, ticket, stored.Where(s => s.Outcome == AppendOutcome.Appended).Select(s => s.Entry!).MaxBy(e => e.Sequence));
            return stored;
        }
        catch
        {
            tips.Settle(shipment, ticket, null);
            throw;
        }
    }


    private async Task<(ShipmentEvent? Event, EventAppendResult? Failure)> CheckAsync(
        Party author,
        Shipment shipment,
        IReadOnlyList<ShipmentRole> roles,
        bool isPlatform,
        ReadOnlyMemory<byte> json,
        string signature,
        CancellationToken cancellationToken)
    {
        var parsed = ShipmentEventJson.TryParse(json);
        if (parsed.Event is not { } shipmentEvent)
        {
            return (null, new EventAppendResult(EventAppendOutcome.Invalid, null, parsed.Problems.Select(p => (InEvent(p.Field), p.Message)).ToList()));
        }

        if (shipmentEvent.ShipmentId != shipment.Id.Value)
        {
            return (null, EventAppendResult.Failed(
                EventAppendOutcome.Invalid, "$.event.shipmentID", $"The event is for shipment '{shipmentEvent.ShipmentId}'; this is shipment '{shipment.Id}'."));
        }

        if (await CheckSignatureAsync(author.Id, shipmentEvent, json, signature, cancellationToken).ConfigureAwait(false) is { } badSignature)
        {
            return (null, EventAppendResult.Failed(EventAppendOutcome.Invalid, "$.signature", badSignature));
        }

        if (Misfits(shipment, shipmentEvent, clock.GetUtcNow()) is { Count: > 0 } misfits)
        {
            return (null, new EventAppendResult(EventAppendOutcome.Invalid, null, misfits));
        }

        var forbidden = isPlatform ? Reason(EventWriteRules.CheckPlatform(shipmentEvent)) : CheckRoles(author, shipment, roles, shipmentEvent);
        return forbidden is null
            ? (shipmentEvent, null)
            : (null, EventAppendResult.Failed(EventAppendOutcome.Forbidden, "$.event", forbidden));
    }

    private async Task<string?> CheckSignatureAsync(
        PartyId author, ShipmentEvent shipmentEvent, ReadOnlyMemory<byte> posted, string signature, CancellationToken cancellationToken)
    {
        // A signature whose header is exactly the one Caravan writes for a key of the author's already seen needs no
        // parse of the header to find its key.
        var headerEnd = signature.IndexOf('.', StringComparison.Ordinal);
        if (headerEnd <= 0 || !_keysByHeader.TryGetValue((author.Value, signature[..headerEnd]), out var key))
        {
            if (!DetachedJws.TryReadKeyId(signature, out var kid, out var error))
            {
                return $"The signature is not a detached JWS Caravan can read: {error}.";
            }

            key = await FindKeyAsync(author, kid, cancellationToken).ConfigureAwait(false);
            if (key is null)
            {
                return $"Key {kid} is not registered to party {author}; register its public key with POST /api/parties/{author}/keys, or sign with a key that is.";
            }
        }

        var verification = DetachedJws.Verify(key, signature, shipmentEvent.CanonicalJson.Span);
        if (verification.IsValid)
        {
            return null;
        }

        if (verification.Failure == JwsFailure.Malformed)
        {
            return $"The signature is not a detached JWS Caravan can read: {verification.Reason}.";
        }

        if (verification.Failure == JwsFailure.InvalidSignature
            && !posted.Span.SequenceEqual(shipmentEvent.CanonicalJson.Span)
            && DetachedJws.Verify(key, signature, posted.Span).IsValid)
        {
            return "The signature is over the event as sent, which is not its RFC 8785 canonical JSON; sign the canonical bytes ('caravan event sign' prints them).";
        }

        return $"The signature does not verify over the event's canonical JSON (RFC 8785): {verification.Reason}.";
    }

    private async Task<EventPublicKey?> FindKeyAsync(PartyId party, string kid, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue((party.Value, kid), out var cached))
        {
            return cached;
        }

        var key = await keys.FindAsync(party, kid, cancellationToken).ConfigureAwait(false);
        if (key is not null)
        {
            _keys[(party.Value, kid)] = key;
            _keysByHeader[(party.Value, key.JwsHeaderSegment)] = key;
        }

        return key;
    }

    private static string? CheckRoles(Party author, Shipment shipment, IReadOnlyList<ShipmentRole> roles, ShipmentEvent shipmentEvent)
    {
        // The reasons are worded only when every role refuses: a batch's events are allowed far more often than not.
        var allowedAsCarrierOnly = false;
        foreach (var role in roles)
        {
            if (EventWriteRules.Allows(role, shipmentEvent))
            {
                if (role != ShipmentRole.Carrier)
                {
                    return null;
                }

                allowedAsCarrierOnly = true;
            }
        }

        if (!allowedAsCarrierOnly)
        {
            return string.Join(" ", roles.Select(r => EventWriteRules.Check(r, shipmentEvent).Reason + "."));
        }

        var legs = CarrierLegs.OperatedBy(author, shipment.Itinerary);
        if (legs.Count == 0)
        {
            return null;
        }

        var terminals = CarrierLegs.Terminals(legs);
        var where = string.Join(", ", terminals);
        var place = ShipmentStatus.PlaceOf(shipmentEvent);
        if (place is null)
        {
            return $"Carrier {author.Id} operates legs of this shipment and writes events at their terminals ({where}); this {shipmentEvent.EventType} {shipmentEvent.TypeCode} event names no place.";
        }

        return terminals.Contains(place.Value)
            ? null
            : $"Carrier {author.Id} operates legs of this shipment and writes events at their terminals ({where}), not at {place}.";
    }

    /// <summary>
    /// What in a well-formed event does not fit this shipment or the server's clock: an equipment event's container
    /// that is not one of the shipment's, an actual event dated later than the clock allows (a plan or estimate may be
    /// in the future). Empty when it fits.
    /// </summary>
    private static List<(string Field, string Message)> Misfits(Shipment shipment, ShipmentEvent shipmentEvent, DateTimeOffset now)
    {
        var misfits = new List<(string Field, string Message)>();
        if (shipmentEvent.EquipmentReference is { } container && !shipment.Containers.Any(c => c.Number == container))
        {
            misfits.Add(("$.event.equipmentReference", $"{container} is not a container of this shipment; its containers are {string.Join(", ", shipment.Containers.Select(c => c.Number))}."));
        }

        var latest = now + MaxFutureSkew;
        if (shipmentEvent.EventClassifierCode == EventClassifierCode.ACT && shipmentEvent.EventDateTime > latest)
        {
            misfits.Add(("$.event.eventDateTime", string.Create(
                CultureInfo.InvariantCulture,
                $"An actual (ACT) event has happened: {shipmentEvent.EventDateTime:yyyy-MM-dd'T'HH:mm:ssK} is more than {MaxFutureSkew.TotalMinutes:0.#} minutes ahead of the server's clock ({now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}); a time still to come is a plan (PLN) or an estimate (EST).")));
        }

        return misfits;
    }

    /// <summary>
    /// A correction names an event already in the shipment's chain, or earlier in the same write, and only the party
    /// that wrote that event may correct it (docs/record.md §8): 400 at <c>$.event.correctsEventID</c>, else 403.
    /// </summary>
    private static EventAppendResult? CheckCorrection(
        PartyId author, Shipment shipment, Guid corrected, Dictionary<Guid, ChainEntry> chain, List<EventToAppend> earlierInBatch)
    {
        string correctedAuthor;
        ShipmentEvent? correctedEvent;
        if (chain.TryGetValue(corrected, out var entry))
        {
            correctedAuthor = entry.AuthorPartyId;
            correctedEvent = ShipmentEventJson.TryParse(entry.EventJson).Event;
        }
        else if (earlierInBatch.FirstOrDefault(e => e.Event.EventId == corrected) is { } inBatch)
        {
            correctedAuthor = inBatch.AuthorPartyId;
            correctedEvent = inBatch.Event;
        }
        else
        {
            return EventAppendResult.Failed(
                EventAppendOutcome.Invalid,
                "$.event.correctsEventID",
                $"Event {corrected} is not in the chain of shipment {shipment.Id}; a correction names an event already recorded on this shipment.");
        }

        if (correctedAuthor == author.Value)
        {
            return null;
        }

        var what = correctedEvent is null ? "" : $" ({correctedEvent.EventType} {correctedEvent.TypeCode} {correctedEvent.EventClassifierCode})";
        return EventAppendResult.Failed(
            EventAppendOutcome.Forbidden,
            "$.event.correctsEventID",
            $"Event {corrected}{what} is {correctedAuthor}'s; only its author, {correctedAuthor}, may correct it, not {author}.");
    }

    private static string? Reason(EventWriteDecision decision) => decision.Allowed ? null : decision.Reason + ".";

    private static string InEvent(string field) => field == "$" ? "$.event" : "$.event" + field[1..];
}
