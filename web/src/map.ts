import { Map as MapLibre, NavigationControl, Popup, AttributionControl, setWorkerUrl } from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource, ErrorEvent, LayerSpecification, MapLayerMouseEvent, MapSourceDataEvent, StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import basemapUrl from 'virtual:caravan-basemap';
import type { CorridorNetwork } from './network';
import { itineraryBounds, itineraryForMap, networkForMap } from './network';
import type { Itinerary, TerminalProperties } from './types';
import { terminalDetails } from './details';

setWorkerUrl(workerUrl);

/** Colours of the map, by link style and terminal kind; the legend reads the same table. */
export const LINK_COLOURS: Record<string, string> = {
  'rail-1435': '#1f5fbf',
  'rail-1520': '#b3261e',
  'rail-other': '#7a4fb0',
  road: '#6d6d6d',
  ferry: '#00838f',
  sea: '#203a72',
};

export const TERMINAL_COLOURS: Record<string, string> = {
  rail_terminal: '#1f5fbf',
  seaport: '#203a72',
  ferry_port: '#00838f',
  border_crossing: '#e08a00',
  dry_port: '#5b8c2a',
  inland_hub: '#5b8c2a',
  junction: '#8a8a8a',
};

/** Features of one kind in a source (`featureType`: country and border in the basemap, link and terminal in the network). */
function ofType(type: string): ExpressionSpecification {
  return ['==', ['get', 'featureType'], type];
}

/** No tiles and no glyph server: a background, then layers from data shipped with the app. */
const BLANK_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#d7e6f0' } }],
};

/**
 * The basemap's layers. Its source is the file built with the bundle (vite.config.ts: Natural Earth's countries and
 * borders as one GeoJSON file), which MapLibre's worker fetches and tiles itself — none of it passes through the
 * page's main thread. The coasts are not antialiased (no outline pass: one shader less to compile and about a fifth
 * less work per frame in software WebGL; land and sea are close in tone); the borders between countries are lines.
 */
const BASEMAP_LAYERS: LayerSpecification[] = [
  { id: 'land', type: 'fill', source: 'basemap', filter: ofType('country'), paint: { 'fill-color': '#f4f1ea', 'fill-antialias': false } },
  {
    id: 'avoided-countries',
    type: 'fill',
    source: 'basemap',
    paint: { 'fill-color': '#e7b7b3', 'fill-opacity': 0.7 },
    filter: ['all', ofType('country'), ['in', ['get', 'name'], ['literal', []]]],
  },
  { id: 'borders', type: 'line', source: 'basemap', filter: ofType('border'), paint: { 'line-color': '#a89f91', 'line-width': 0.7 } },
];

function matchColour(property: string, table: Record<string, string>, fallback: string): unknown {
  return ['match', ['get', property], ...Object.entries(table).flat(), fallback];
}

/**
 * The corridor map: Natural Earth countries and borders, the network by mode and terminals by kind, and the chosen
 * itinerary on top. Marks its container with data-map-ready once everything has been drawn the first time.
 *
 * The map is created before the network has arrived (the page asks for it at the same time): MapLibre's WebGL
 * context and worker start while the server answers. The basemap is added as soon as the style has loaded, the
 * network (a second, small source) as soon as it has arrived too: the worker starts on the basemap without waiting
 * for the server. The itinerary's source is added with the first itinerary, so an empty source never
 * holds up the first render.
 */
export class CorridorMap {
  readonly map: MapLibre;
  private readonly ready: Promise<void>;
  private network: CorridorNetwork | null = null;
  private hoverPopup = new Popup({ closeButton: false, closeOnClick: false, maxWidth: '320px', className: 'terminal-popup' });
  private onTerminal: ((t: TerminalProperties) => void) | null = null;

  constructor(
    private readonly container: HTMLElement,
    network: Promise<CorridorNetwork>,
  ) {
    const started = performance.now();
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', 'Corridor map');
    this.map = new MapLibre({
      container,
      style: BLANK_STYLE,
      center: [60, 44],
      zoom: 2.3,
      attributionControl: false,
      renderWorldCopies: false,
      fadeDuration: 0,
    });
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new AttributionControl({ compact: true, customAttribution: 'Natural Earth' }));
    // Marks for the benchmark's breakdown (bench/web): the style loaded, the basemap read by the worker, the network
    // added to the map.
    const loaded = new Promise<void>((resolve) =>
      this.map.once('load', () => {
        performance.mark('caravan:map-load');
        resolve();
      }),
    );
    // The basemap as soon as the style is there, the network when it has arrived too (whichever comes last).
    const basemapAdded = loaded.then(() => {
      this.map.addSource('basemap', { type: 'geojson', data: basemapUrl });
      for (const layer of BASEMAP_LAYERS) this.map.addLayer(layer);
    });
    const basemapRead = new Promise<void>((resolve, reject) => {
      const read = (e: MapSourceDataEvent) => {
        if (e.sourceId !== 'basemap' || e.sourceDataType !== 'metadata') return;
        performance.mark('caravan:basemap');
        this.map.off('sourcedata', read).off('error', failed);
        resolve();
      };
      const failed = (e: ErrorEvent & { sourceId?: string }) => {
        if (e.sourceId !== 'basemap') return;
        this.map.off('sourcedata', read).off('error', failed);
        reject(new Error(`The basemap could not be loaded (${e.error.message}).`));
      };
      this.map.on('sourcedata', read);
      this.map.on('error', failed);
    });
    const networkAdded = Promise.all([basemapAdded, network]).then(([, n]) => {
      this.network = n;
      this.addNetwork(n);
      performance.mark('caravan:network');
    });
    this.ready = Promise.all([networkAdded, basemapRead]).then(() => {
      // The first idle after this: every tile of the basemap and the network loaded and drawn.
      this.map.once('idle', () => {
        container.dataset.mapReady = 'true';
        container.dataset.firstRenderMs = String(Math.round(performance.now() - started));
        // Since the page's navigation began: what docs/benchmarks.md reports as time to first map render.
        container.dataset.renderedAtMs = String(Math.round(performance.now()));
      });
    });
    this.ready.catch((e: unknown) => {
      container.dataset.mapError = e instanceof Error ? e.message : String(e);
    });
  }

  /** Resolves when the basemap and the network are on the map; rejects with what went wrong. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Takes the map down (the page was left before it started, e.g. the token was refused). */
  remove(): void {
    this.map.remove();
  }

  /** Called with a terminal's properties when the user clicks it. */
  onTerminalClick(handler: (t: TerminalProperties) => void): void {
    this.onTerminal = handler;
  }

  private addNetwork(network: CorridorNetwork): void {
    this.map.addSource('network', { type: 'geojson', data: networkForMap(network) });
    const colour = matchColour('style', LINK_COLOURS, '#444') as never;
    this.map.addLayer({
      id: 'links-land',
      type: 'line',
      source: 'network',
      filter: ['all', ofType('link'), ['in', ['get', 'mode'], ['literal', ['rail', 'road']]]],
      paint: { 'line-color': colour, 'line-width': ['match', ['get', 'mode'], 'road', 1.2, 2] as never, 'line-opacity': 0.75 },
    });
    this.map.addLayer({
      id: 'links-water',
      type: 'line',
      source: 'network',
      filter: ['all', ofType('link'), ['in', ['get', 'mode'], ['literal', ['ferry', 'sea']]]],
      paint: { 'line-color': colour, 'line-width': 1.6, 'line-dasharray': [2, 2], 'line-opacity': 0.8 },
    });
    this.map.addLayer({
      id: 'terminals',
      type: 'circle',
      source: 'network',
      filter: ofType('terminal'),
      paint: {
        'circle-color': matchColour('kind', TERMINAL_COLOURS, '#444') as never,
        'circle-radius': ['match', ['get', 'kind'], 'junction', 2.5, 'border_crossing', 4, 5] as never,
        'circle-stroke-color': ['case', ['get', 'gaugeBreak'], '#b3261e', '#ffffff'] as never,
        'circle-stroke-width': ['case', ['get', 'gaugeBreak'], 2.5, 1] as never,
      },
    });
    this.map.on('mousemove', 'terminals', (e) => this.hover(e));
    this.map.on('mouseleave', 'terminals', () => {
      this.map.getCanvas().style.cursor = '';
      this.hoverPopup.remove();
    });
    this.map.on('click', 'terminals', (e) => {
      const t = this.terminalAt(e);
      if (t && this.onTerminal) this.onTerminal(t);
    });
  }

  /** The itinerary's source and layers, under the terminals: added with the first itinerary shown. */
  private itinerarySource(): GeoJSONSource {
    const existing = this.map.getSource('itinerary') as GeoJSONSource | undefined;
    if (existing) return existing;
    this.map.addSource('itinerary', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    this.map.addLayer(
      {
        id: 'itinerary',
        type: 'line',
        source: 'itinerary',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#111', 'line-width': 5, 'line-opacity': 0.85 },
      },
      'terminals',
    );
    this.map.addLayer(
      {
        id: 'itinerary-mode',
        type: 'line',
        source: 'itinerary',
        layout: { 'line-cap': 'round' },
        paint: { 'line-color': matchColour('mode', { rail: '#f5c518', road: '#cccccc', ferry: '#4dd0e1', sea: '#90caf9' }, '#fff') as never, 'line-width': 2.5 },
      },
      'terminals',
    );
    return this.map.getSource('itinerary') as GeoJSONSource;
  }

  private terminalAt(e: MapLayerMouseEvent): TerminalProperties | null {
    const locode = e.features?.[0]?.properties?.locode as string | undefined;
    return locode ? (this.network?.byLocode.get(locode)?.properties ?? null) : null;
  }

  private hover(e: MapLayerMouseEvent): void {
    const t = this.terminalAt(e);
    if (!t) return;
    this.map.getCanvas().style.cursor = 'pointer';
    const at = this.network!.byLocode.get(t.locode)!.geometry.coordinates as [number, number];
    this.hoverPopup.setLngLat(at).setDOMContent(terminalDetails(t)).addTo(this.map);
  }

  /** Shows a terminal's details in a popup and centres on it (the keyboard's way to what hover shows). */
  showTerminal(locode: string): void {
    const f = this.network?.byLocode.get(locode);
    if (!f) return;
    const at = f.geometry.coordinates as [number, number];
    this.hoverPopup.setLngLat(at).setDOMContent(terminalDetails(f.properties)).addTo(this.map);
    this.map.easeTo({ center: at, zoom: Math.max(this.map.getZoom(), 4), duration: 0 });
  }

  /** Draws an itinerary (or clears it with null) and fits the view to it. */
  async showItinerary(itinerary: Itinerary | null): Promise<void> {
    await this.ready;
    this.container.dataset.itinerary = itinerary?.itineraryId ?? '';
    if (!itinerary) {
      // Nothing drawn yet, nothing to clear: the corridor page's first render does not wait on an empty source.
      (this.map.getSource('itinerary') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: [] });
      return;
    }
    const network = this.network!;
    const lines = itineraryForMap(itinerary, network);
    delete this.container.dataset.itineraryRendered;
    this.itinerarySource().setData(lines);
    this.container.dataset.itineraryLegs = String(lines.features.length);
    const box = itineraryBounds(itinerary, network);
    if (box) this.map.fitBounds(box, { padding: 40, duration: 0, maxZoom: 6 });
    // What was drawn, read back from the renderer once it settles: the end-to-end tests check the route is on screen.
    this.map.once('idle', () => {
      if (this.container.dataset.itinerary !== itinerary.itineraryId) return;
      this.container.dataset.itineraryRendered = String(this.map.queryRenderedFeatures({ layers: ['itinerary'] }).length);
    });
  }

  /** Shades the countries with these English names (the planner avoids them). */
  async shadeCountries(names: string[]): Promise<void> {
    await this.ready;
    this.map.setFilter('avoided-countries', ['all', ofType('country'), ['in', ['get', 'name'], ['literal', names]]]);
  }

  resize(): void {
    this.map.resize();
  }
}
