/** The shapes of the shipment endpoints the shipments pages read (docs/api.md "Shipments", "Events", "Alerts"). Times are ISO 8601 strings. */
import type { Itinerary } from './types';

export type ShipmentStatus = 'booked' | 'inTransit' | 'atTerminal' | 'held' | 'delivered';

export interface TerminalEta {
  terminal: string;
  p50: string;
  p90: string;
}

export interface Eta {
  asOf: string;
  arrived: boolean;
  next: TerminalEta | null;
  destination: TerminalEta;
}

export interface Shipment {
  id: string;
  createdBy: string;
  createdAt: string;
  yourRoles: string[];
  parties: { party: string; role: string }[];
  consignment: {
    consignor: string;
    consignee: string;
    placeOfTakingOver: string;
    placeOfDelivery: string;
    goodsDescription: string;
    hsCode: string;
    numberOfPackages: number;
    grossMassKg: number;
  };
  containers: { number: string; seals: { number: string; source: string }[] }[];
  itinerary: Itinerary;
  status: ShipmentStatus;
  latestEvent: Record<string, unknown> | null;
  eta: Eta | null;
  temperatureRange: { minC: number; maxC: number } | null;
  alerts: { open: number; acknowledged: number };
}

/** A sealed chain entry as `GET /api/shipments/{id}/events` answers it. */
export interface ChainEntry {
  sequence: number;
  shipmentID: string;
  eventID: string;
  event: Record<string, unknown>;
  author: { partyID: string; kid: string };
  recordedAt: string;
  entryHash: string;
}

export interface VerifyResult {
  intact: boolean;
  entriesChecked: number;
  firstBroken: { sequence: number; eventID: string | null; reason: string } | null;
}

export interface ShipmentDocument {
  sha256: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
  href: string;
}

export type AlertState = 'open' | 'acknowledged' | 'resolved';

export interface Alert {
  id: number;
  shipment: string;
  kind: string;
  subject: string;
  state: AlertState;
  openedAt: string;
  detail: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolveDetail: string | null;
}

export interface Reading {
  time: string;
  lat: number;
  lon: number;
  speed: number | null;
  temperature: number | null;
  battery: number | null;
}

/** Where a container's tracker last saw it (`GET /api/shipments/{id}/positions`), or a live `position` message. */
export interface ContainerPosition {
  device: string;
  container: string;
  reading: Reading | null;
}
