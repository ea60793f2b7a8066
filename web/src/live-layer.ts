import { Popup } from 'maplibre-gl';
import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import { h } from './dom';
import { localTime, utcTime } from './format';
import type { LiveFleet } from './live-state';
import { MarkerCollection } from './live-state';
import type { CorridorMap } from './map';

const SOURCE = 'live';
const LAYERS = ['live-clusters', 'live-markers', 'live-followed'] as const;

/**
 * Marker colours by the mode of the leg a container is on (grey until its route is known): light fills with a dark
 * ring, so containers stand apart from the terminals' dark fills with white rings.
 */
export const MARKER_COLOURS: Record<string, string> = {
  rail: '#f5c518',
  road: '#e0e0e0',
  ferry: '#4dd0e1',
  sea: '#90caf9',
};

/** The fill of a cluster of containers, by how many it holds (the legend reads the same steps). */
export const CLUSTER_STEPS: [number, string, number][] = [
  [0, '#f0a35e', 10],
  [20, '#e0772a', 14],
  [200, '#b8520f', 19],
  [2000, '#7a3306', 25],
];

/**
 * The fleet on the corridor map: one GeoJSON source with MapLibre's clustering (containers merge into sized circles
 * when zoomed out), containers as dots coloured by their leg's mode, the followed one ringed. Redraws are batched:
 * `changed()` asks for a frame, and each animation frame calls setData at most once, only if the fleet changed — so
 * 10,000 containers reporting every second cost one setData a frame, not 10,000.
 */
export class LiveLayer {
  private frame = 0;
  private readonly markers: MarkerCollection;
  private followed = '';
  private readonly popup = new Popup({ closeButton: true, maxWidth: '300px', className: 'container-popup' });
  /** setData calls so far (the benchmark and the tests read it from the map's data-live-draws). */
  draws = 0;
  /** Called after each redraw, in the same frame. */
  onDraw: (() => void) | null = null;
  private readonly handlers: [string, string, (e: MapLayerMouseEvent) => void][] = [];

  constructor(
    private readonly corridor: CorridorMap,
    private readonly fleet: LiveFleet,
  ) {
    this.markers = new MarkerCollection(fleet);
  }

  /** Adds the source and layers (after the corridor map is ready). */
  add(): void {
    const map = this.corridor.map;
    map.addSource(SOURCE, {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
      cluster: true,
      clusterRadius: 40,
      clusterMaxZoom: 6,
    });
    map.addLayer({
      id: 'live-clusters',
      type: 'circle',
      source: SOURCE,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': ['step', ['get', 'point_count'], CLUSTER_STEPS[0]![1], ...CLUSTER_STEPS.slice(1).flatMap(([n, c]) => [n, c])] as never,
        'circle-radius': ['step', ['get', 'point_count'], CLUSTER_STEPS[0]![2], ...CLUSTER_STEPS.slice(1).flatMap(([n, , r]) => [n, r])] as never,
        'circle-opacity': 0.9,
        'circle-stroke-color': '#3b1d06',
        'circle-stroke-width': 1.5,
      },
    });
    map.addLayer({
      id: 'live-markers',
      type: 'circle',
      source: SOURCE,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': ['match', ['get', 'mode'], ...Object.entries(MARKER_COLOURS).flat(), '#8a8a8a'] as never,
        'circle-radius': 6,
        'circle-stroke-color': '#1b1b1b',
        'circle-stroke-width': 2,
      },
    });
    map.addLayer({
      id: 'live-followed',
      type: 'circle',
      source: SOURCE,
      filter: ['==', ['get', 'device'], ''],
      paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 10, 'circle-stroke-color': '#f5a623', 'circle-stroke-width': 3 },
    });
    this.on('click', 'live-clusters', (e) => void this.expand(e));
    this.on('click', 'live-markers', (e) => this.showPopup(e));
    for (const layer of ['live-clusters', 'live-markers']) {
      this.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      this.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
    this.changed();
  }

  /** Removes the layers, the source and the handlers (leaving the page). */
  remove(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const map = this.corridor.map;
    this.popup.remove();
    for (const [type, layer, fn] of this.handlers) map.off(type as 'click', layer, fn);
    for (const id of LAYERS) if (map.getLayer(id)) map.removeLayer(id);
    const el = map.getContainer();
    for (const key of ['liveMarkers', 'liveDraws', 'liveRendered', 'followedDrawnAt']) delete el.dataset[key];
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  }

  /** The fleet changed: redraw on the next animation frame (once, however many changes come before it). */
  changed(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Rings a container (by device id; '' for none). */
  follow(device: string): void {
    this.followed = device;
    if (this.corridor.map.getLayer('live-followed')) this.corridor.map.setFilter('live-followed', ['==', ['get', 'device'], device]);
  }

  private draw(): void {
    const source = this.corridor.map.getSource(SOURCE) as GeoJSONSource | undefined;
    if (!source || !this.markers.stale) return;
    source.setData(this.markers.collection());
    this.draws++;
    const el = this.corridor.map.getContainer();
    el.dataset.liveMarkers = String(this.fleet.markers.size);
    el.dataset.liveDraws = String(this.draws);
    this.onDraw?.();
    if (!this.readingBack) {
      this.readingBack = true;
      this.corridor.map.once('idle', () => this.readBack());
    }
  }

  private readingBack = false;

  // What the renderer drew, once it settles: the end-to-end tests check the containers are on screen.
  private readBack(): void {
    this.readingBack = false;
    const map = this.corridor.map;
    if (!map.getLayer('live-markers')) return;
    const el = map.getContainer();
    el.dataset.liveRendered = String(map.queryRenderedFeatures({ layers: ['live-markers', 'live-clusters'] }).length);
    const f = this.followed ? map.queryRenderedFeatures({ layers: ['live-followed'] })[0] : undefined;
    if (f?.geometry.type === 'Point') el.dataset.followedDrawnAt = f.geometry.coordinates.map((c) => c.toFixed(3)).join(',');
    else delete el.dataset.followedDrawnAt;
  }

  private on(type: string, layer: string, fn: (e: MapLayerMouseEvent) => void): void {
    this.corridor.map.on(type as 'click', layer, fn);
    this.handlers.push([type, layer, fn]);
  }

  private async expand(e: MapLayerMouseEvent): Promise<void> {
    const f = e.features?.[0];
    const id = f?.properties?.cluster_id as number | undefined;
    if (!f || id === undefined || f.geometry.type !== 'Point') return;
    const source = this.corridor.map.getSource(SOURCE) as GeoJSONSource;
    const zoom = await source.getClusterExpansionZoom(id);
    this.corridor.map.easeTo({ center: f.geometry.coordinates as [number, number], zoom });
  }

  private showPopup(e: MapLayerMouseEvent): void {
    const device = e.features?.[0]?.properties?.device as string | undefined;
    const m = device ? this.fleet.markers.get(device) : undefined;
    if (!m) return;
    this.popup.setLngLat([m.lon, m.lat]).setDOMContent(markerDetails(this.fleet, m.device)).addTo(this.corridor.map);
  }

  get followedDevice(): string {
    return this.followed;
  }
}

/** A container's details: number, shipment, corridor, leg and last report (local time, UTC on hover). */
export function markerDetails(fleet: LiveFleet, device: string): HTMLElement {
  const m = fleet.markers.get(device);
  if (!m) return h('p', {}, 'No position for this container yet.');
  const route = fleet.routes.get(m.shipment);
  const leg = route?.legs[m.leg];
  const when = h('time', { datetime: m.iso, title: utcTime(m.iso) }, localTime(m.iso));
  return h(
    'div',
    { class: 'container-details', 'data-device': m.device, 'data-lon': m.lon, 'data-lat': m.lat },
    h('h3', {}, m.container),
    h(
      'dl',
      {},
      h('dt', {}, 'Shipment'),
      h('dd', {}, m.shipment),
      h('dt', {}, 'Corridor'),
      h('dd', {}, fleet.corridorOf(m)),
      h('dt', {}, 'Leg'),
      h('dd', {}, leg ? `${leg.from} → ${leg.to} (${leg.mode})` : 'not known yet'),
      h('dt', {}, 'Position'),
      h('dd', { class: 'coords' }, `${m.lat.toFixed(4)}° ${m.lat >= 0 ? 'N' : 'S'}, ${m.lon.toFixed(4)}° ${m.lon >= 0 ? 'E' : 'W'}`),
      h('dt', {}, 'Reported'),
      h('dd', {}, when),
      h('dt', {}, 'Tracker'),
      h('dd', {}, m.device),
    ),
  );
}
