import { describe, expect, it } from 'vitest';
import { chainView, eventTimeline, eventWords, readEntry, shortKid } from '../src/chain';
import type { ChainEntry } from '../src/shipment-types';

let next = 1;
function entry(event: Record<string, unknown>, author = 'ktz', kid = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'): ChainEntry {
  const sequence = next++;
  return {
    sequence,
    shipmentID: 'CRV-7K3M9Q2XWD',
    eventID: String(event.eventID ?? `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`),
    event: { shipmentID: 'CRV-7K3M9Q2XWD', eventCreatedDateTime: '2026-12-01T00:00:00Z', ...event },
    author: { partyID: author, kid },
    recordedAt: `2026-12-0${Math.min(9, sequence)}T00:00:00.0000000Z`,
    entryHash: 'ab'.repeat(32),
  };
}
const transport = (code: string, classifier: string, at: string, place: string, extra: Record<string, unknown> = {}) =>
  entry({ eventType: 'TRANSPORT', eventClassifierCode: classifier, transportEventTypeCode: code, eventDateTime: at, transportCall: { UNLocationCode: place, modeOfTransport: 'RAIL', facilityTypeCode: 'INTE', transportCallReference: 'x' }, ...extra }, 'caravan', 'telematics-kid-0123456789');

describe('an entry read for the timeline', () => {
  it('takes code, classifier, place and signer from the stored event', () => {
    next = 1;
    const item = readEntry(entry({ eventType: 'EQUIPMENT', eventClassifierCode: 'ACT', equipmentEventTypeCode: 'LOAD', eventDateTime: '2026-12-02T06:10:00+06:00', eventLocation: { UNLocationCode: 'KZDSK' }, equipmentReference: 'CSQU3054383', emptyIndicatorCode: 'LADEN' }));
    expect(item).toMatchObject({ sequence: 1, code: 'LOAD', classifier: 'ACT', place: 'KZDSK', equipment: 'CSQU3054383', author: 'ktz', kid: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs', time: '2026-12-02T06:10:00+06:00' });
  });
  it('prefers the transport call’s place to the event location', () => {
    const item = readEntry(transport('ARRI', 'ACT', '2026-12-03T00:00:00Z', 'KZAKT', { eventLocation: { UNLocationCode: 'KZDSK' } }));
    expect(item.place).toBe('KZAKT');
    expect(item.mode).toBe('RAIL');
  });
  it('reads a damaged event without failing, with what it can', () => {
    const item = readEntry(entry({ eventType: 42 }));
    expect(item).toMatchObject({ eventType: 'UNKNOWN', code: '?', classifier: 'ACT', place: null });
  });
});

describe('words for events', () => {
  it('says what happened for actual events and what is expected for estimates and plans', () => {
    expect(eventWords('ARRI', 'ACT')).toBe('Arrived');
    expect(eventWords('ARRI', 'EST')).toBe('Arrival expected');
    expect(eventWords('DEPA', 'PLN')).toBe('Departure planned');
    expect(eventWords('HOLD', 'ACT')).toBe('Held by customs');
    expect(eventWords('ZZZZ', 'ACT')).toBe('ZZZZ');
  });
  it('shortens a key id for the eye', () => {
    expect(shortKid('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs')).toBe('NzbLsXh8…');
    expect(shortKid('short')).toBe('short');
  });
});

describe('the event timeline', () => {
  it('orders events by when they happened, not by when they were recorded, and groups consecutive ones at a stop', () => {
    next = 1;
    const late = transport('DEPA', 'ACT', '2026-12-04T00:00:00Z', 'KZAKT');
    const early = transport('ARRI', 'ACT', '2026-12-03T00:00:00Z', 'KZAKT');
    const before = transport('DEPA', 'ACT', '2026-12-01T00:00:00Z', 'CNXIY');
    const groups = eventTimeline([late, early, before]);
    expect(groups.map((g) => [g.place, g.items.map((i) => i.sequence)])).toEqual([
      ['CNXIY', [3]],
      ['KZAKT', [2, 1]],
    ]);
  });
  it('compares times across offsets', () => {
    next = 1;
    const almaty = transport('ARRI', 'ACT', '2026-12-03T05:00:00+06:00', 'KZALA'); // 23:00 UTC the day before
    const utc = transport('DEPA', 'ACT', '2026-12-02T23:30:00Z', 'KZALA');
    expect(eventTimeline([utc, almaty])[0]!.items.map((i) => i.code)).toEqual(['ARRI', 'DEPA']);
  });
  it('marks an estimate superseded by a later estimate or by the actual event at the same place, and keeps the latest', () => {
    next = 1;
    const first = transport('ARRI', 'EST', '2026-12-09T00:00:00Z', 'AZALT');
    const second = transport('ARRI', 'EST', '2026-12-10T00:00:00Z', 'AZALT');
    const elsewhere = transport('ARRI', 'EST', '2026-12-20T00:00:00Z', 'DEDUI');
    const items = eventTimeline([first, second, elsewhere]).flatMap((g) => g.items);
    expect(items.map((i) => [i.sequence, i.superseded])).toEqual([[1, true], [2, false], [3, false]]);
    const arrived = transport('ARRI', 'ACT', '2026-12-10T03:00:00Z', 'AZALT');
    const after = eventTimeline([first, second, elsewhere, arrived]).flatMap((g) => g.items);
    expect(after.find((i) => i.sequence === 2)!.superseded).toBe(true);
    expect(after.find((i) => i.sequence === arrived.sequence)!.superseded).toBe(false);
  });
  it('links a correction to the event it corrects', () => {
    next = 1;
    const wrong = transport('ARRI', 'ACT', '2026-12-03T00:00:00Z', 'KZAKT', { eventID: '11111111-1111-4111-8111-111111111111' });
    const fix = transport('ARRI', 'ACT', '2026-12-03T04:00:00Z', 'KZAKT', { correctsEventID: '11111111-1111-4111-8111-111111111111' });
    const items = eventTimeline([wrong, fix]).flatMap((g) => g.items);
    expect(items[0]).toMatchObject({ sequence: 1, correctedBy: 2 });
    expect(items[1]).toMatchObject({ sequence: 2, correctsEventId: '11111111-1111-4111-8111-111111111111', correctedBy: null });
  });
});

describe('the chain’s verification on the entries', () => {
  it('shows every entry verified when the chain is intact', () => {
    const view = chainView({ intact: true, entriesChecked: 4, firstBroken: null }, [1, 2, 3, 4]);
    expect(view.state).toBe('intact');
    expect([1, 2, 3, 4].map(view.check)).toEqual(['verified', 'verified', 'verified', 'verified']);
    expect(view.summary).toMatch(/all 4 entries/);
  });
  it('breaks at the entry the server names: those before verified, that one broken, those after unchecked', () => {
    const view = chainView({ intact: false, entriesChecked: 2, firstBroken: { sequence: 3, eventID: 'e3', reason: 'entryHash is not the hash of the entry’s record: a stored field was changed' } }, [1, 2, 3, 4, 5]);
    expect(view.state).toBe('broken');
    expect(view.brokenAt).toBe(3);
    expect([1, 2, 3, 4, 5].map(view.check)).toEqual(['verified', 'verified', 'broken', 'unchecked', 'unchecked']);
    expect(view.summary).toContain('entry 3 (event e3)');
    expect(view.reason).toMatch(/a stored field was changed/);
  });
  it('says entries are missing when the break lies past the last entry read', () => {
    const view = chainView({ intact: false, entriesChecked: 3, firstBroken: { sequence: 4, eventID: null, reason: 'the store holds 3 entries but 5 were sealed' } }, [1, 2, 3]);
    expect(view.brokenAt).toBeNull();
    expect(view.summary).toBe('The chain is broken after entry 3: the store holds 3 entries but 5 were sealed.');
    expect([1, 2, 3].map(view.check)).toEqual(['verified', 'verified', 'verified']);
  });
});
