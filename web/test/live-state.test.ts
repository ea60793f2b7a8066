import { describe, expect, it } from 'vitest';
import type { Alert, AlertMessage, LivePosition, ShipmentLike } from '../src/live-state';
import { LiveFleet, MarkerCollection, UNKNOWN_CORRIDOR, kmToSegment, latest, legOf, reduceAlerts, routeOf } from '../src/live-state';
import { readNetwork } from '../src/network';
import { NETWORK, leg } from './fixtures';

const network = readNetwork(NETWORK);
const where = (locode: string) => (network.byLocode.get(locode)?.geometry.coordinates as [number, number] | undefined) ?? null;

// Xi'an → Dostyk (rail, 1–6 Dec) → Aktau (rail, 7–10 Dec) → Baku (ferry, 12–13 Dec).
const middle: ShipmentLike = {
  id: 'CRV-MIDDLE0001',
  itinerary: {
    corridor: 'Middle Corridor',
    legs: [
      leg('CNXIY', 'KZDOS', 'rail', '2026-12-01T00:00:00Z', '2026-12-06T00:00:00Z'),
      leg('KZDOS', 'KZAKT', 'rail', '2026-12-07T00:00:00Z', '2026-12-10T00:00:00Z'),
      leg('KZAKT', 'AZBAK', 'ferry', '2026-12-12T00:00:00Z', '2026-12-13T00:00:00Z'),
    ],
  },
};
const northern: ShipmentLike = { id: 'CRV-NORTH00001', itinerary: { corridor: 'Northern Corridor', legs: [leg('CNXIY', 'KZDOS', 'rail', '2026-12-01T00:00:00Z', '2026-12-06T00:00:00Z')] } };

function at(device: string, shipment: string, time: string, lon: number, lat: number, container = 'CSQU3054383'): LivePosition {
  return { device, shipment, container, reading: { time, lat, lon } };
}

describe('placing a container on its leg', () => {
  const route = routeOf(middle, where);

  it('measures the distance to a leg in kilometres', () => {
    expect(kmToSegment(51.2, 43.6, [51.2, 43.6], [49.4, 40.0])).toBeCloseTo(0, 6);
    // One degree of latitude north of a west–east line: about 111 km.
    expect(kmToSegment(80, 46, [70, 45], [90, 45])).toBeCloseTo(111.3, 0);
    // Beyond the end: the distance to the end point.
    expect(kmToSegment(92, 45, [70, 45], [90, 45])).toBeGreaterThan(150);
  });

  it('takes the leg whose line is near and whose planned times fit', () => {
    expect(legOf(route, 95, 40, Date.parse('2026-12-03T00:00:00Z'))).toBe(0);
    expect(legOf(route, 66, 44.4, Date.parse('2026-12-08T00:00:00Z'))).toBe(1);
    expect(legOf(route, 50.3, 41.8, Date.parse('2026-12-12T12:00:00Z'))).toBe(2);
  });

  it('at a terminal two legs share, lets the time decide: a container waiting at Aktau for a late ferry is on the ferry leg', () => {
    // At Aktau both legs are 0 km away. While the rail leg is due it is on the rail leg; after that, on the ferry leg.
    expect(legOf(route, 51.2, 43.6, Date.parse('2026-12-09T12:00:00Z'))).toBe(1);
    expect(legOf(route, 51.2, 43.6, Date.parse('2026-12-11T12:00:00Z'))).toBe(2);
    expect(legOf(route, 51.2, 43.6, Date.parse('2026-12-20T00:00:00Z'))).toBe(2);
  });

  it('has no leg on a route without legs', () => {
    expect(legOf({ id: 'x', corridor: 'c', legs: [] }, 0, 0, 0)).toBe(-1);
  });
});

describe('the live fleet', () => {
  it('keeps the newest position of each device and ignores older or broken readings', () => {
    const fleet = new LiveFleet();
    expect(fleet.apply(at('trk-1', middle.id, '2026-12-03T01:00:00Z', 95, 40))).toBe(true);
    expect(fleet.apply(at('trk-1', middle.id, '2026-12-03T00:00:00Z', 1, 1))).toBe(false);
    expect(fleet.apply(at('trk-1', middle.id, '2026-12-03T01:00:00Z', 2, 2))).toBe(false);
    expect(fleet.apply({ device: 'trk-2', shipment: middle.id, container: 'X', reading: { time: 'not a time', lat: 1, lon: 1 } })).toBe(false);
    expect(fleet.apply(at('trk-1', middle.id, '2026-12-03T02:00:00Z', 94, 41))).toBe(true);
    expect(fleet.markers.size).toBe(1);
    expect(fleet.markers.get('trk-1')).toMatchObject({ lon: 94, lat: 41, iso: '2026-12-03T02:00:00Z' });
  });

  it('counts containers per corridor and per leg, and places containers once their route is known', () => {
    const fleet = new LiveFleet();
    fleet.apply(at('trk-1', middle.id, '2026-12-03T00:00:00Z', 95, 40));
    fleet.apply(at('trk-2', middle.id, '2026-12-08T00:00:00Z', 66, 44.4));
    fleet.apply(at('trk-3', middle.id, '2026-12-08T06:00:00Z', 65, 44.5));
    fleet.apply(at('trk-4', northern.id, '2026-12-02T00:00:00Z', 100, 38));
    expect(fleet.counts()).toEqual([{ corridor: UNKNOWN_CORRIDOR, count: 4, legs: [] }]);
    expect(fleet.unrouted().sort()).toEqual([middle.id, northern.id]);

    const before = fleet.version;
    fleet.setRoute(routeOf(middle, where));
    fleet.setRoute(routeOf(northern, where));
    expect(fleet.version).toBeGreaterThan(before);
    expect(fleet.unrouted()).toEqual([]);
    const counts = fleet.counts();
    expect(counts.map((c) => [c.corridor, c.count])).toEqual([
      ['Middle Corridor', 3],
      ['Northern Corridor', 1],
    ]);
    expect(counts[0]!.legs.map((l) => [l.from, l.to, l.mode, l.count])).toEqual([
      ['CNXIY', 'KZDOS', 'rail', 1],
      ['KZDOS', 'KZAKT', 'rail', 2],
    ]);
    expect(counts[1]!.legs.map((l) => [l.key, l.count])).toEqual([['Northern Corridor|CNXIY|KZDOS|rail', 1]]);

    // A container moves on to the ferry: the counts follow it.
    fleet.apply(at('trk-2', middle.id, '2026-12-12T12:00:00Z', 50.3, 41.8));
    expect(fleet.counts()[0]!.legs.map((l) => [l.to, l.count])).toEqual([
      ['KZDOS', 1],
      ['KZAKT', 1],
      ['AZBAK', 1],
    ]);
  });
});

describe('the latest reports', () => {
  it('picks the n newest markers, newest first, from any order', () => {
    const fleet = new LiveFleet();
    const hours = [5, 1, 9, 3, 7, 2, 8, 0, 6, 4];
    hours.forEach((hour, i) => fleet.apply(at(`trk-${i}`, middle.id, `2026-12-03T0${hour}:00:00Z`, 95, 40)));
    expect(latest(fleet.markers.values(), 3).map((m) => m.iso.slice(11, 13))).toEqual(['09', '08', '07']);
    expect(latest(fleet.markers.values(), 20)).toHaveLength(10);
    expect(latest([], 3)).toEqual([]);
  });
});

describe('the markers for the map', () => {
  it('reuses one collection and its features, carrying position, corridor and the leg mode', () => {
    const fleet = new LiveFleet();
    const markers = new MarkerCollection(fleet);
    fleet.setRoute(routeOf(middle, where));
    fleet.apply(at('trk-1', middle.id, '2026-12-12T12:00:00Z', 50.3, 41.8));
    expect(markers.stale).toBe(true);
    const first = markers.collection();
    expect(markers.stale).toBe(false);
    expect(first.features).toHaveLength(1);
    const feature = first.features[0]!;
    expect(feature.geometry.coordinates).toEqual([50.3, 41.8]);
    expect(feature.properties).toMatchObject({ device: 'trk-1', corridor: 'Middle Corridor', mode: 'ferry' });

    fleet.apply(at('trk-1', middle.id, '2026-12-12T13:00:00Z', 50.0, 41.5));
    fleet.apply(at('trk-2', 'CRV-UNKNOWN001', '2026-12-12T13:00:00Z', 60, 45));
    const second = markers.collection();
    expect(second).toBe(first);
    expect(second.features[0]).toBe(feature);
    expect(feature.geometry.coordinates).toEqual([50.0, 41.5]);
    expect(second.features[1]!.properties).toMatchObject({ corridor: UNKNOWN_CORRIDOR, mode: '' });
  });
});

describe('the unresolved alerts', () => {
  const alert = (id: number, state: Alert['state']): Alert => ({
    id,
    shipment: middle.id,
    kind: 'shock',
    subject: 'trk-1',
    state,
    openedAt: '2026-12-03T00:00:00Z',
    detail: '',
    acknowledgedAt: state === 'acknowledged' ? '2026-12-03T01:00:00Z' : null,
    acknowledgedBy: state === 'acknowledged' ? 'demo-forwarder' : null,
    resolvedAt: state === 'resolved' ? '2026-12-03T02:00:00Z' : null,
  });
  const msg = (event: AlertMessage['event'], a: Alert): AlertMessage => ({ event, alert: a });

  it('adds opened alerts newest first, updates acknowledged ones and drops resolved ones', () => {
    const resolved = new Set<number>();
    let list = reduceAlerts([], msg('alert.opened', alert(1, 'open')), resolved);
    list = reduceAlerts(list, msg('alert.opened', alert(3, 'open')), resolved);
    list = reduceAlerts(list, msg('alert.opened', alert(2, 'open')), resolved);
    expect(list.map((a) => a.id)).toEqual([3, 2, 1]);
    list = reduceAlerts(list, msg('alert.acknowledged', alert(2, 'acknowledged')), resolved);
    expect(list.map((a) => [a.id, a.state])).toEqual([
      [3, 'open'],
      [2, 'acknowledged'],
      [1, 'open'],
    ]);
    list = reduceAlerts(list, msg('alert.resolved', alert(3, 'resolved')), resolved);
    expect(list.map((a) => a.id)).toEqual([2, 1]);
  });

  it('does not let a late message undo an acknowledgement or bring back a resolved alert', () => {
    const resolved = new Set<number>();
    let list = reduceAlerts([], msg('alert.acknowledged', alert(5, 'acknowledged')), resolved);
    list = reduceAlerts(list, msg('alert.opened', alert(5, 'open')), resolved);
    expect(list.map((a) => a.state)).toEqual(['acknowledged']);
    list = reduceAlerts(list, msg('alert.resolved', alert(5, 'resolved')), resolved);
    list = reduceAlerts(list, msg('alert.acknowledged', alert(5, 'acknowledged')), resolved);
    expect(list).toEqual([]);
  });
});
