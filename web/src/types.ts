/** The shapes of the Caravan API the dashboard reads (docs/api.md). Times are ISO 8601 strings in UTC. */

export type Mode = 'rail' | 'road' | 'ferry' | 'sea';

export const MODES: readonly Mode[] = ['rail', 'road', 'ferry', 'sea'];

export interface Party {
  id: string;
  name: string;
  country: string;
  kind: string;
}

export interface Caller {
  admin: boolean;
  party: Party | null;
  tokenId: string;
}

export interface ContainerLoad {
  type: string;
  count: number;
}

export interface PlanRequest {
  from: string;
  to: string;
  earliestDeparture?: string;
  departureWindowHours?: number;
  containers?: ContainerLoad[];
  avoidCountries?: string[];
  avoidTerminals?: string[];
  modes?: Mode[];
  maxTransfers?: number | null;
}

export interface Leg {
  from: string;
  to: string;
  mode: Mode;
  service: string | null;
  operator: string;
  departure: string;
  arrival: string;
  distanceKm: number;
  costUsd: number;
  co2eKg: number;
}

export interface Itinerary {
  itineraryId: string;
  corridor: string;
  departure: string;
  arrival: string;
  arrivalP50: string;
  arrivalP90: string;
  transitHours: number;
  costUsd: number;
  co2eKg: number;
  distanceKm: number;
  countries: string[];
  legs: Leg[];
}

export interface PlanResponse {
  request: PlanRequest;
  itineraries: Itinerary[];
  noRoute: string | null;
}

export interface TerminalProperties {
  featureType: 'terminal';
  locode: string;
  name: string;
  country: string;
  kind: string;
  gauges: number[];
  dwellP50Hours: number;
  dwellP90Hours: number;
  handlingHours: number;
  handlingUsd: number;
  locodeStatus: string;
  services: string[];
}

export interface LinkProperties {
  featureType: 'link';
  id: string;
  from: string;
  to: string;
  mode: Mode;
  gauge: number | null;
  distanceKm: number;
  corridor: string | null;
  availability: string;
  operator: string;
  bidirectional: boolean;
}

export interface ShipmentSummary {
  id: string;
  status: string;
}
