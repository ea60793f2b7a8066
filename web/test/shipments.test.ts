import { describe, expect, it } from 'vitest';
import { arrivalOf, filterShipments, matches, statusCounts, unresolvedAlerts } from '../src/shipments';
import type { Shipment } from '../src/shipment-types';
import { itinerary, leg } from './fixtures';

function shipment(id: string, status: Shipment['status'], container: string, over: Partial<Shipment> = {}): Shipment {
  return {
    id,
    createdBy: 'xian-fwd',
    createdAt: '2026-11-28T00:00:00Z',
    yourRoles: ['forwarder'],
    parties: [{ party: 'xian-fwd', role: 'forwarder' }],
    consignment: { consignor: 'xian-fwd', consignee: 'dui', placeOfTakingOver: 'CNXIY', placeOfDelivery: 'AZBAK', goodsDescription: 'Laptop computers', hsCode: '847130', numberOfPackages: 10, grossMassKg: 9000 },
    containers: [{ number: container, seals: [] }],
    itinerary: {
      ...itinerary('it-1', '2026-12-08T00:00:00Z', 5000, 900, [
        leg('CNXIY', 'KZAKT', 'rail', '2026-12-01T00:00:00Z', '2026-12-05T00:00:00Z'),
        leg('KZAKT', 'AZBAK', 'ferry', '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z'),
      ]),
      arrivalP50: '2026-12-08T00:00:00Z',
      arrivalP90: '2026-12-11T00:00:00Z',
    },
    status,
    latestEvent: null,
    eta: null,
    temperatureRange: null,
    alerts: { open: 0, acknowledged: 0 },
    ...over,
  };
}

const names: Record<string, string> = { CNXIY: "Xi'an International Port", KZAKT: 'Aktau port', AZBAK: 'Baku (Alat)' };
const name = (locode: string) => names[locode];

describe('the shipments list', () => {
  const a = shipment('CRV-AAAAAAAAAA', 'inTransit', 'CSQU3054383');
  const b = shipment('CRV-BBBBBBBBBB', 'delivered', 'MSKU1234565', { consignment: { ...a.consignment, placeOfTakingOver: 'KZAKT' } });
  const c = shipment('CRV-CCCCCCCCCC', 'inTransit', 'TGHU9876543', { itinerary: { ...a.itinerary, legs: [leg('CNXIY', 'KZAKT', 'rail', '2026-12-01T00:00:00Z', '2026-12-05T00:00:00Z')] }, consignment: { ...a.consignment, placeOfDelivery: 'KZAKT' } });

  it('shows the tracker’s estimate when there is one, else the plan’s P50 and P90', () => {
    expect(arrivalOf(a)).toEqual({ p50: '2026-12-08T00:00:00Z', p90: '2026-12-11T00:00:00Z', source: 'plan', arrived: false });
    const tracked = { ...a, eta: { asOf: '2026-12-03T00:00:00Z', arrived: false, next: null, destination: { terminal: 'AZBAK', p50: '2026-12-09T00:00:00Z', p90: '2026-12-13T00:00:00Z' } } };
    expect(arrivalOf(tracked)).toEqual({ p50: '2026-12-09T00:00:00Z', p90: '2026-12-13T00:00:00Z', source: 'estimate', arrived: false });
  });
  it('counts open and acknowledged alerts as unresolved', () => {
    expect(unresolvedAlerts({ ...a, alerts: { open: 2, acknowledged: 1 } })).toBe(3);
  });
  it('filters by status', () => {
    expect(filterShipments([a, b, c], { status: 'delivered', query: '' }).map((s) => s.id)).toEqual([b.id]);
    expect(filterShipments([a, b, c], { status: '', query: '' })).toHaveLength(3);
  });
  it('finds a shipment by id, in any case and by part of it', () => {
    expect(filterShipments([a, b, c], { status: '', query: 'crv-bbb' }).map((s) => s.id)).toEqual([b.id]);
  });
  it('finds a container by its number, with or without the spaces it is often printed with', () => {
    expect(matches(a, 'CSQU 305438 3')).toBe(true);
    expect(matches(a, 'csqu3054383')).toBe(true);
    expect(matches(b, 'CSQU3054383')).toBe(false);
  });
  it('finds a place by LOCODE or by name, ignoring accents, and only where the shipment goes', () => {
    expect(filterShipments([a, b, c], { status: '', query: 'azbak' }, name).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(filterShipments([a, b, c], { status: '', query: 'alat' }, name).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(matches(a, "xi'an", name)).toBe(true);
    expect(matches({ ...a, consignment: { ...a.consignment, placeOfDelivery: 'TRIST' } }, 'halkali', () => 'Istanbul (Halkalı)')).toBe(true);
  });
  it('needs every word of the search to match', () => {
    expect(filterShipments([a, b, c], { status: '', query: 'aktau CRV-C' }, name).map((s) => s.id)).toEqual([c.id]);
    expect(filterShipments([a, b, c], { status: 'delivered', query: 'aktau CRV-C' }, name)).toEqual([]);
  });
  it('counts the shipments in each status for the filter', () => {
    expect([...statusCounts([a, b, c])]).toEqual([['inTransit', 2], ['delivered', 1]]);
  });
});
