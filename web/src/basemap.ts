import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
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

/** Loads the TopoJSON shipped with the bundle (a file of its own, so it does not weigh on the initial script). */
export async function loadBasemap(url: string, signal?: AbortSignal): Promise<Basemap> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`The basemap could not be loaded (${response.status}).`);
  return basemapFromTopology((await response.json()) as CountriesTopology);
}
