import { describe, expect, it } from 'vitest';
import { timelineSegments, waitingHours } from '../src/timeline';
import { itinerary, leg } from './fixtures';

describe('the leg timeline', () => {
  const it1 = itinerary('it-1', '2026-12-08T00:00:00Z', 5000, 900, [
    leg('CNXIY', 'KZDOS', 'rail', '2026-12-01T06:00:00Z', '2026-12-03T00:00:00Z'),
    leg('KZDOS', 'KZAKT', 'rail', '2026-12-03T00:00:00Z', '2026-12-05T00:00:00Z'),
    leg('KZAKT', 'AZBAK', 'ferry', '2026-12-07T12:00:00Z', '2026-12-08T00:00:00Z'),
  ]);

  it('shows the wait for the ferry at Aktau as a wait, not as travel', () => {
    const segments = timelineSegments(it1);
    expect(segments.map((s) => s.kind)).toEqual(['move', 'move', 'wait', 'move']);
    const wait = segments[2]!;
    expect(wait).toMatchObject({ kind: 'wait', at: 'KZAKT', start: '2026-12-05T00:00:00Z', end: '2026-12-07T12:00:00Z', hours: 60 });
  });
  it('adds the wait at the origin from the time the container is ready', () => {
    const segments = timelineSegments(it1, '2026-12-01T00:00:00Z');
    expect(segments[0]).toMatchObject({ kind: 'wait', at: 'CNXIY', hours: 6 });
  });
  it('adds up the waiting along the way', () => {
    expect(waitingHours(it1)).toBe(60);
  });
});
