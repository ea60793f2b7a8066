import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature, mesh } from 'topojson-client';

/** The basemap from Natural Earth (world-atlas): country shapes and the borders between them, as GeoJSON. */
export interface Basemap {
  countries: FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  borders: Feature<MultiLineString>;
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;

/** Country polygons and the shared borders (each drawn once) from world-atlas's countries TopoJSON. */
export function basemapFromTopology(topology: CountriesTopology): Basemap {
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
  return { countries, borders: { type: 'Feature', geometry: borders, properties: {} } };
}

/** A feature of the map-ready basemap: a country, or (once, as one feature) every border between two countries. */
export type BasemapFeature =
  | Feature<Polygon | MultiPolygon, { featureType: 'country'; name: string }>
  | Feature<MultiLineString, { featureType: 'border' }>;

/** The map-ready basemap: what `mapBasemap` builds and the bundle ships as one GeoJSON file. */
export interface MapBasemap {
  type: 'FeatureCollection';
  features: BasemapFeature[];
}

/** A line with its points rounded to `decimals` places and the points rounding merged dropped; null if too short. */
function roundLine(line: Position[], decimals: number, closed: boolean): Position[] | null {
  const scale = 10 ** decimals;
  const out: Position[] = [];
  for (const [x, y] of line) {
    const p = [Math.round(x! * scale) / scale, Math.round(y! * scale) / scale];
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= (closed ? 4 : 2) ? out : null;
}

/**
 * A ring that runs over the antimeridian in Natural Earth (Chukotka, Wrangel Island, Fiji: mostly east of 160° E
 * with a few points just west of 180° W) continued past 180° E instead, so that it is not drawn as a band across the
 * whole map. Rings that go round the pole (Antarctica) are left as they are.
 */
function unwrapAntimeridian(ring: Position[]): Position[] {
  const xs = ring.map((p) => p[0]!);
  if (Math.max(...xs) - Math.min(...xs) <= 180 || xs.some((x) => x < 0 && x > -160)) return ring;
  return ring.map(([x, y]) => [x! < 0 ? x! + 360 : x!, y!]);
}

/** A polygon rounded; null when its outer ring vanishes (an islet smaller than the precision). */
function roundPolygon(rings: Position[][], decimals: number): Position[][] | null {
  const rounded = rings.map((r) => roundLine(unwrapAntimeridian(r), decimals, true));
  if (!rounded[0]) return null;
  return rounded.filter((r): r is Position[] => r !== null);
}

/**
 * The basemap as the map draws it, built when the bundle is built (vite.config.ts) so the page does no conversion:
 * the countries and borders of `basemapFromTopology` in one collection, tagged with `featureType` like the network's
 * features, with coordinates rounded to `decimals` places — Natural Earth 1:110m is drawn to a few kilometres, and
 * 0.01° is about one — which makes the file about half the size of the full-precision GeoJSON.
 */
export function mapBasemap(topology: CountriesTopology, decimals = 2): MapBasemap {
  const { countries, borders } = basemapFromTopology(topology);
  const features: BasemapFeature[] = [];
  for (const c of countries.features) {
    const parts = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
    const polygons = parts.map((p) => roundPolygon(p, decimals)).filter((p): p is Position[][] => p !== null);
    if (polygons.length === 0) continue;
    const geometry: Polygon | MultiPolygon = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
    features.push({ type: 'Feature', geometry, properties: { featureType: 'country', name: c.properties.name } });
  }
  const lines = borders.geometry.coordinates.map((l) => roundLine(l, decimals, false)).filter((l): l is Position[] => l !== null);
  features.push({ type: 'Feature', geometry: { type: 'MultiLineString', coordinates: lines }, properties: { featureType: 'border' } });
  return { type: 'FeatureCollection', features };
}

