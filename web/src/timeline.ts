import type { Itinerary, Mode } from './types';
import { hoursBetween } from './format';

/** A stretch of an itinerary's time: moving on a leg, or waiting at a terminal (for a ferry, a train, a transfer). */
export type Segment =
  | { kind: 'move'; legIndex: number; mode: Mode; from: string; to: string; start: string; end: string; hours: number; service: string | null; operator: string }
  | { kind: 'wait'; at: string; start: string; end: string; hours: number };

/**
 * The itinerary as a timeline: each leg, and between legs a wait wherever the next leg leaves later than the last
 * arrived (the ferry at Aktau is a wait, not travel). A wait before the first leg starts at `readyAt`, when given.
 */
export function timelineSegments(itinerary: Itinerary, readyAt?: string): Segment[] {
  const segments: Segment[] = [];
  let previousEnd = readyAt;
  itinerary.legs.forEach((leg, legIndex) => {
    if (previousEnd !== undefined) {
      const waited = hoursBetween(previousEnd, leg.departure);
      if (waited > 0.01) segments.push({ kind: 'wait', at: leg.from, start: previousEnd, end: leg.departure, hours: waited });
    }
    segments.push({
      kind: 'move',
      legIndex,
      mode: leg.mode,
      from: leg.from,
      to: leg.to,
      start: leg.departure,
      end: leg.arrival,
      hours: hoursBetween(leg.departure, leg.arrival),
      service: leg.service,
      operator: leg.operator,
    });
    previousEnd = leg.arrival;
  });
  return segments;
}

/** Hours spent waiting along the itinerary (between its first departure and its arrival). */
export function waitingHours(itinerary: Itinerary): number {
  return timelineSegments(itinerary)
    .filter((s) => s.kind === 'wait')
    .reduce((sum, s) => sum + s.hours, 0);
}
