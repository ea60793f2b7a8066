/**
 * What the Live corridor page knows, reduced from the live feed: the newest position of every container, which
 * corridor and leg of its shipment's itinerary it is on, counts by corridor and by leg, and the unresolved alerts.
 * Pure (no DOM, no map): tested in test/live-state.test.ts.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Mode } from './types';

/** A reading as the live feed carries it (docs/api.md, "Telemetry"): the fields the page uses. */
export interface LiveReading {
  time: string;
  lat: number;
  lon: number;
  speed?: number | null;
  heading?: number | null;
}

/** The data of a `position` event and of each entry of GET /api/live/positions. */
export interface LivePosition {
  device: string;
  shipment: string;
  container: string;
  reading: LiveReading;
}

/** An alert as GET /api/alerts answers it and `alert` events carry it. */
export interface Alert {
  id: number;
  shipment: string;
  kind: string;
  subject: string;
  state: 'open' | 'acknowledged' | 'resolved';
  openedAt: string;
  detail: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
}

/** The data of an `alert` event: the webhook body. */
export interface AlertMessage {
  event: 'alert.opened' | 'alert.acknowledged' | 'alert.resolved';
  alert: Alert;
}

/** One leg of a shipment's route as the page places containers on it: terminals, mode, planned times, end points. */
export interface RouteLeg {
  from: string;
  to: string;
  mode: Mode;
  departure: number;
  arrival: number;
  a: [number, number] | null;
  b: [number, number] | null;
}

/** A shipment's corridor and legs. */
export interface ShipmentRoute {
  id: string;
  corridor: string;
  legs: RouteLeg[];
}

/** The parts of a shipment (GET /api/shipments) the page reads. */
export interface ShipmentLike {
  id: string;
  itinerary: { corridor: string; legs: { from: string; to: string; mode: Mode; departure: string; arrival: string }[] };
}

/** Where a container is: its position and the leg it is on (-1 while its shipment's route is not known yet). */
export interface Marker {
  device: string;
  shipment: string;
  container: string;
  lon: number;
  lat: number;
  time: number;
  iso: string;
  leg: number;
}

/** The corridor name of a container whose shipment has not been loaded (yet). */
export const UNKNOWN_CORRIDOR = 'Route not loaded';

/** Kilometres a container is taken to cover in an hour when weighing "off the planned times" against "off the line". */
const KM_PER_HOUR_LATE = 20;

/** A route from a shipment and the terminals' positions (LOCODE → [lon, lat]). */
export function routeOf(shipment: ShipmentLike, where: (locode: string) => [number, number] | null): ShipmentRoute {
  return {
    id: shipment.id,
    corridor: shipment.itinerary.corridor,
    legs: shipment.itinerary.legs.map((l) => ({
      from: l.from,
      to: l.to,
      mode: l.mode,
      departure: Date.parse(l.departure),
      arrival: Date.parse(l.arrival),
      a: where(l.from),
      b: where(l.to),
    })),
  };
}

/** Kilometres from a point to the segment a–b, on a local equirectangular projection (fine at corridor scale). */
export function kmToSegment(lon: number, lat: number, a: [number, number], b: [number, number]): number {
  const k = Math.cos((lat * Math.PI) / 180);
  const ax = (a[0] - lon) * k;
  const ay = a[1] - lat;
  const bx = (b[0] - lon) * k;
  const by = b[1] - lat;
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
  const x = ax + t * dx;
  const y = ay + t * dy;
  return Math.sqrt(x * x + y * y) * 111.32;
}

/**
 * The leg a container at (lon, lat) at `time` is on: the one that best fits both where it is (the distance to the
 * straight line between the leg's terminals) and when (hours outside the leg's planned departure–arrival, at 20 km
 * an hour). A leg's real path bends away from that line and real times drift from the plan, so neither alone is
 * enough; together they put a container at Aktau waiting for the ferry on the leg it has reached. -1 when the route
 * has no legs.
 */
export function legOf(route: ShipmentRoute, lon: number, lat: number, time: number): number {
  let best = -1;
  let bestScore = Infinity;
  route.legs.forEach((leg, i) => {
    const km = leg.a && leg.b ? kmToSegment(lon, lat, leg.a, leg.b) : 5000;
    const hoursOff = time < leg.departure ? (leg.departure - time) / 3_600_000 : time > leg.arrival ? (time - leg.arrival) / 3_600_000 : 0;
    const score = km + hoursOff * KM_PER_HOUR_LATE;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/** A count of containers on one leg of a corridor. */
export interface LegCount {
  key: string;
  corridor: string;
  index: number;
  from: string;
  to: string;
  mode: Mode | null;
  count: number;
}

/** Containers per corridor, each with its legs, busiest corridor first and legs in route order. */
export interface CorridorCount {
  corridor: string;
  count: number;
  legs: LegCount[];
}

/**
 * The live fleet: markers by device, routes by shipment. `apply` takes positions (older readings than the one held
 * are ignored, as the server does), `setRoute` places a shipment's containers on its legs once its route is known.
 * `version` grows with every change, so the map redraws only when something moved.
 */
export class LiveFleet {
  readonly markers = new Map<string, Marker>();
  readonly routes = new Map<string, ShipmentRoute>();
  version = 0;

  /** Takes a position; false when it was not newer than the device's last one. */
  apply(p: LivePosition): boolean {
    const time = Date.parse(p.reading.time);
    if (!Number.isFinite(time) || !Number.isFinite(p.reading.lat) || !Number.isFinite(p.reading.lon)) return false;
    const held = this.markers.get(p.device);
    if (held && held.time >= time) return false;
    const route = this.routes.get(p.shipment);
    const leg = route ? legOf(route, p.reading.lon, p.reading.lat, time) : -1;
    if (held) {
      held.lon = p.reading.lon;
      held.lat = p.reading.lat;
      held.time = time;
      held.iso = p.reading.time;
      held.leg = leg;
      held.shipment = p.shipment;
      held.container = p.container;
    } else {
      this.markers.set(p.device, { device: p.device, shipment: p.shipment, container: p.container, lon: p.reading.lon, lat: p.reading.lat, time, iso: p.reading.time, leg });
    }
    this.version++;
    return true;
  }

  /** Knows a shipment's route; its containers already on the map are placed on their legs. */
  setRoute(route: ShipmentRoute): void {
    this.routes.set(route.id, route);
    for (const m of this.markers.values()) {
      if (m.shipment === route.id) m.leg = legOf(route, m.lon, m.lat, m.time);
    }
    this.version++;
  }

  /** Shipments with containers on the map whose route is not known. */
  unrouted(): string[] {
    const out = new Set<string>();
    for (const m of this.markers.values()) if (!this.routes.has(m.shipment)) out.add(m.shipment);
    return [...out];
  }

  corridorOf(m: Marker): string {
    return this.routes.get(m.shipment)?.corridor ?? UNKNOWN_CORRIDOR;
  }

  /** Containers per corridor and per leg. */
  counts(): CorridorCount[] {
    const corridors = new Map<string, CorridorCount>();
    const legs = new Map<string, LegCount>();
    for (const m of this.markers.values()) {
      const route = this.routes.get(m.shipment);
      const name = route?.corridor ?? UNKNOWN_CORRIDOR;
      let c = corridors.get(name);
      if (!c) corridors.set(name, (c = { corridor: name, count: 0, legs: [] }));
      c.count++;
      const leg = route?.legs[m.leg];
      if (!leg) continue;
      const key = `${name}|${leg.from}|${leg.to}|${leg.mode}`;
      let l = legs.get(key);
      if (!l) {
        l = { key, corridor: name, index: m.leg, from: leg.from, to: leg.to, mode: leg.mode, count: 0 };
        legs.set(key, l);
        c.legs.push(l);
      }
      l.count++;
    }
    const out = [...corridors.values()];
    for (const c of out) c.legs.sort((a, b) => a.index - b.index || a.from.localeCompare(b.from));
    out.sort((a, b) => b.count - a.count || a.corridor.localeCompare(b.corridor));
    return out;
  }
}

/** Properties of a marker on the map (MapLibre reads plain properties). */
export interface MarkerProperties {
  device: string;
  shipment: string;
  container: string;
  corridor: string;
  mode: string;
}

/**
 * Keeps one GeoJSON collection for the fleet and refreshes it in place: features are reused, so a redraw of
 * 10,000 markers allocates little. Call `collection()` once per animation frame at most.
 */
export class MarkerCollection {
  private readonly features = new Map<string, Feature<Point, MarkerProperties>>();
  private readonly data: FeatureCollection<Point, MarkerProperties> = { type: 'FeatureCollection', features: [] };
  private drawn = -1;

  constructor(private readonly fleet: LiveFleet) {}

  /** Whether the fleet changed since the last `collection()`. */
  get stale(): boolean {
    return this.drawn !== this.fleet.version;
  }

  collection(): FeatureCollection<Point, MarkerProperties> {
    const list = this.data.features;
    list.length = 0;
    for (const m of this.fleet.markers.values()) {
      let f = this.features.get(m.device);
      if (!f) {
        f = { type: 'Feature', geometry: { type: 'Point', coordinates: [m.lon, m.lat] }, properties: { device: m.device, shipment: m.shipment, container: m.container, corridor: '', mode: '' } };
        this.features.set(m.device, f);
      }
      f.geometry.coordinates[0] = m.lon;
      f.geometry.coordinates[1] = m.lat;
      const route = this.fleet.routes.get(m.shipment);
      f.properties.shipment = m.shipment;
      f.properties.container = m.container;
      f.properties.corridor = route?.corridor ?? UNKNOWN_CORRIDOR;
      f.properties.mode = route?.legs[m.leg]?.mode ?? '';
      list.push(f);
    }
    this.drawn = this.fleet.version;
    return this.data;
  }
}

/** The `n` markers that reported last, newest first, in one pass (no sort of 10,000 markers a second). */
export function latest(markers: Iterable<Marker>, n: number): Marker[] {
  const out: Marker[] = [];
  for (const m of markers) {
    if (out.length === n && m.time <= out[n - 1]!.time) continue;
    let i = out.length === n ? n - 1 : out.length;
    while (i > 0 && out[i - 1]!.time < m.time) {
      out[i] = out[i - 1]!;
      i--;
    }
    out[i] = m;
  }
  return out;
}

/**
 * The unresolved alerts after `message`: an opened or acknowledged alert is added or replaced (by id), a resolved
 * one leaves; newest first. A message older than what is held (an acknowledgement after the resolution arrived)
 * does not bring a resolved alert back.
 */
export function reduceAlerts(alerts: readonly Alert[], message: AlertMessage, resolved: Set<number>): Alert[] {
  const a = message.alert;
  if (message.event === 'alert.resolved' || a.state === 'resolved') {
    resolved.add(a.id);
    return alerts.filter((x) => x.id !== a.id);
  }
  if (resolved.has(a.id)) return [...alerts];
  const held = alerts.find((x) => x.id === a.id);
  // The first acknowledgement stands: an "opened" that arrives late does not undo it.
  const next = held && held.state === 'acknowledged' && a.state === 'open' ? held : a;
  return [next, ...alerts.filter((x) => x.id !== a.id)].sort((x, y) => y.id - x.id);
}
