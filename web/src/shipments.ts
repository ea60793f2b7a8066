/** The shipments list's logic: status words, the arrival to show, filtering and search. Pure, tested in test/shipments.test.ts. */
import type { Shipment, ShipmentStatus } from './shipment-types';
import { fold } from './fold';

export const STATUS_LABELS: Record<ShipmentStatus, string> = {
  booked: 'Booked',
  inTransit: 'In transit',
  atTerminal: 'At a terminal',
  held: 'Held by customs',
  delivered: 'Delivered',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as ShipmentStatus] ?? status;
}

/** The arrival to show for a shipment: the tracker's estimate when there is one, else the plan's P50/P90. */
export interface ArrivalView {
  p50: string;
  p90: string;
  source: 'estimate' | 'plan';
  arrived: boolean;
}

export function arrivalOf(s: Shipment): ArrivalView {
  if (s.eta) return { p50: s.eta.destination.p50, p90: s.eta.destination.p90, source: 'estimate', arrived: s.eta.arrived };
  return { p50: s.itinerary.arrivalP50, p90: s.itinerary.arrivalP90, source: 'plan', arrived: false };
}

/** Unresolved alerts, the number the list shows. */
export function unresolvedAlerts(s: Shipment): number {
  return s.alerts.open + s.alerts.acknowledged;
}

export interface ShipmentFilter {
  /** A status, or '' for every status. */
  status: string;
  /** Free text: a shipment id, a container number, or a place (LOCODE or terminal name); '' for all. */
  query: string;
}

/** Every place a shipment touches: the consignment's places and the itinerary's terminals. */
export function placesOf(s: Shipment): string[] {
  const places = new Set<string>([s.consignment.placeOfTakingOver, s.consignment.placeOfDelivery]);
  for (const leg of s.itinerary.legs) {
    places.add(leg.from);
    places.add(leg.to);
  }
  return [...places];
}

/**
 * Whether a shipment matches a search: every word of the query must be found in its id, a container number, the
 * corridor, or a place's LOCODE or name (`name` gives a LOCODE's name). Case and accents do not matter, nor spaces
 * inside a container number.
 */
export function matches(s: Shipment, query: string, name: (locode: string) => string | undefined = () => undefined): boolean {
  const words = fold(query).split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return true;
  const haystack = [s.id, s.itinerary.corridor, s.consignment.goodsDescription, ...s.containers.map((c) => c.number), ...placesOf(s).flatMap((p) => [p, name(p) ?? ''])]
    .map(fold)
    .join('\n');
  const compact = haystack.replace(/ /g, '');
  return words.every((w) => haystack.includes(w) || compact.includes(w));
}

export function filterShipments(list: Shipment[], filter: ShipmentFilter, name?: (locode: string) => string | undefined): Shipment[] {
  return list.filter((s) => (filter.status === '' || s.status === filter.status) && matches(s, filter.query, name));
}

/** How many shipments are in each status, for the filter's options. */
export function statusCounts(list: Shipment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of list) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  return counts;
}
