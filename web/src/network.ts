import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { Itinerary, LinkProperties, TerminalProperties } from './types';
import { fold } from './fold';

/** The corridor network from GET /api/network, split and indexed for the map and the pickers. */
export interface CorridorNetwork {
  terminals: Feature<Point, TerminalProperties>[];
  links: Feature<LineString, LinkProperties>[];
  byLocode: Map<string, Feature<Point, TerminalProperties>>;
}

export function readNetwork(collection: FeatureCollection): CorridorNetwork {
  const terminals: Feature<Point, TerminalProperties>[] = [];
  const links: Feature<LineString, LinkProperties>[] = [];
  for (const f of collection.features) {
    const kind = (f.properties as { featureType?: string } | null)?.featureType;
    if (kind === 'terminal' && f.geometry.type === 'Point') terminals.push(f as Feature<Point, TerminalProperties>);
    else if (kind === 'link' && f.geometry.type === 'LineString') links.push(f as Feature<LineString, LinkProperties>);
  }
  terminals.sort((a, b) => a.properties.name.localeCompare(b.properties.name));
  return { terminals, links, byLocode: new Map(terminals.map((t) => [t.properties.locode, t])) };
}

/** A terminal where two rail gauges meet (1435/1520 mm): containers are transshipped or bogies changed there. */
export function isGaugeBreak(t: TerminalProperties): boolean {
  return new Set(t.gauges).size > 1;
}

/** The line style class of a link: rail by gauge, or its mode. */
export function linkClass(l: LinkProperties): string {
  if (l.mode !== 'rail') return l.mode;
  if (l.gauge === 1520) return 'rail-1520';
  if (l.gauge === 1435) return 'rail-1435';
  return 'rail-other';
}

/** Terminals with their map style flags as GeoJSON properties (MapLibre filters read plain properties). */
export function terminalsForMap(network: CorridorNetwork): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: network.terminals.map((t) => ({
      ...t,
      properties: { ...t.properties, gaugeBreak: isGaugeBreak(t.properties), servicesText: t.properties.services.join(', ') },
    })),
  };
}

export function linksForMap(network: CorridorNetwork): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: network.links.map((l) => ({ ...l, properties: { ...l.properties, style: linkClass(l.properties) } })),
  };
}

/**
 * Terminals matching what the user typed, best first: an exact LOCODE, then names starting with the text, then
 * LOCODEs starting with it, then names containing it. Accents, apostrophes and case do not matter ("duisburg", "Constanta", "Xian", "cnckg").
 */
export function searchTerminals(terminals: readonly TerminalProperties[], query: string, limit = 8): TerminalProperties[] {
  const q = fold(query);
  if (q.length === 0) return [];
  const ranked: { t: TerminalProperties; rank: number }[] = [];
  for (const t of terminals) {
    const name = fold(t.name);
    const code = t.locode.toLowerCase();
    let rank: number;
    if (code === q) rank = 0;
    else if (name.startsWith(q)) rank = 1;
    else if (code.startsWith(q)) rank = 2;
    else if (name.split(/[\s(),-]+/).some((w) => w.startsWith(q))) rank = 3;
    else if (name.includes(q)) rank = 4;
    else continue;
    ranked.push({ t, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.t.name.localeCompare(b.t.name));
  return ranked.slice(0, limit).map((r) => r.t);
}

/** The countries of the network's terminals, by code, for the "countries to avoid" choice. */
export function networkCountries(terminals: readonly TerminalProperties[]): string[] {
  return [...new Set(terminals.map((t) => t.country))].sort();
}

/** An itinerary's legs as map lines: one LineString per leg between its terminals, with the leg's mode. */
export function itineraryForMap(itinerary: Itinerary, network: CorridorNetwork): FeatureCollection<LineString> {
  const features: Feature<LineString>[] = [];
  itinerary.legs.forEach((leg, index) => {
    const from = network.byLocode.get(leg.from);
    const to = network.byLocode.get(leg.to);
    if (!from || !to) return;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [from.geometry.coordinates, to.geometry.coordinates] },
      properties: { index, mode: leg.mode, from: leg.from, to: leg.to },
    });
  });
  return { type: 'FeatureCollection', features };
}

/** The [west, south, east, north] box around an itinerary's terminals, or null when none is on the map. */
export function itineraryBounds(itinerary: Itinerary, network: CorridorNetwork): [number, number, number, number] | null {
  const points = itinerary.legs.flatMap((l) => [l.from, l.to]).map((c) => network.byLocode.get(c)?.geometry.coordinates).filter((p) => p !== undefined);
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/**
 * The network as the map draws it, one collection for one MapLibre source: the links (with their line style) and
 * the terminals (with their map flags), each with its `featureType` (link, terminal) for the layers' filters.
 */
export function networkForMap(network: CorridorNetwork): FeatureCollection {
  return { type: 'FeatureCollection', features: [...linksForMap(network).features, ...terminalsForMap(network).features] };
}
