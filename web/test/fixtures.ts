import type { FeatureCollection } from 'geojson';
import type { Itinerary, Leg } from '../src/types';

/** A tiny network a reader can check by eye: Xi'an – Dostyk (gauge break) – Aktau – (ferry) – Baku. */
export const NETWORK: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    terminal('CNXIY', "Xi'an International Port", 'CN', 'rail_terminal', [1435], [109.1, 34.42], ['CR-Express Xi\'an - Dostyk']),
    terminal('KZDOS', 'Dostyk', 'KZ', 'border_crossing', [1435, 1520], [82.5, 45.25], []),
    terminal('KZAKT', 'Aktau port', 'KZ', 'ferry_port', [1520], [51.2, 43.6], ['Caspian feeder']),
    terminal('AZBAK', 'Baku (Alat)', 'AZ', 'ferry_port', [1520], [49.4, 40.0], ['Caspian feeder']),
    link('L1', 'CNXIY', 'KZDOS', 'rail', 1435, [109.1, 34.42], [82.5, 45.25]),
    link('L2', 'KZDOS', 'KZAKT', 'rail', 1520, [82.5, 45.25], [51.2, 43.6]),
    link('L3', 'KZAKT', 'AZBAK', 'ferry', null, [51.2, 43.6], [49.4, 40.0]),
  ],
};

function terminal(locode: string, name: string, country: string, kind: string, gauges: number[], at: [number, number], services: string[]) {
  return {
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: at },
    properties: { featureType: 'terminal', locode, name, country, kind, gauges, dwellP50Hours: 24, dwellP90Hours: 72, handlingHours: 6, handlingUsd: 200, locodeStatus: 'verified', services },
  };
}

function link(id: string, from: string, to: string, mode: string, gauge: number | null, a: [number, number], b: [number, number]) {
  return {
    type: 'Feature' as const,
    geometry: { type: 'LineString' as const, coordinates: [a, b] },
    properties: { featureType: 'link', id, from, to, mode, gauge, distanceKm: 1000, corridor: 'titr', availability: 'continuous', operator: 'X', bidirectional: true },
  };
}

export function leg(from: string, to: string, mode: Leg['mode'], departure: string, arrival: string): Leg {
  return { from, to, mode, service: null, operator: 'X', departure, arrival, distanceKm: 100, costUsd: 100, co2eKg: 10 };
}

export function itinerary(id: string, arrival: string, costUsd: number, co2eKg: number, legs: Leg[] = []): Itinerary {
  return {
    itineraryId: id,
    corridor: 'Middle Corridor',
    departure: legs[0]?.departure ?? '2026-12-01T00:00:00Z',
    arrival,
    arrivalP50: arrival,
    arrivalP90: arrival,
    transitHours: 100,
    costUsd,
    co2eKg,
    distanceKm: 1000,
    countries: ['CN', 'KZ', 'AZ'],
    legs,
  };
}
