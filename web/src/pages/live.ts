import './live.css';
import { ApiError } from '../api';
import { h, statusLine } from '../dom';
import { timeElement } from '../format';
import { ALERT_LABELS, liveApi } from '../live-api';
import { CLUSTER_STEPS, LiveLayer, MARKER_COLOURS, markerDetails } from '../live-layer';
import type { Alert, AlertMessage, CorridorCount, LivePosition, Marker } from '../live-state';
import { LiveFleet, latest, reduceAlerts, routeOf } from '../live-state';
import { LiveFeed, SseParser } from '../sse';
import type { FeedState, SseEvent } from '../sse';
import type { PageContext } from './context';

/** How often the counts, the recent list and the summary are rebuilt at most (the map redraws every frame). */
const PANEL_EVERY_MS = 1000;

declare global {
  interface Window {
    /** With ?feed=synthetic: takes event-stream text as if it came from /api/live (bench/web drives it). */
    caravanLiveFeed?: { push(text: string): void; repaint(): void };
  }
}

/**
 * The Live corridor: every container of the caller's shipments on the map, moving as the live feed reports it,
 * clustered when zoomed out; counts by corridor and by leg; the unresolved alerts, to acknowledge; a container to
 * follow. Returns what to do when the page is left (close the feed, take the markers off the map).
 */
export function livePage(ctx: PageContext): () => void {
  const { api, map, panel } = ctx;
  void map.showItinerary(null);
  void map.shadeCountries([]);
  const fleet = new LiveFleet();
  const layer = new LiveLayer(map, fleet);
  const abort = new AbortController();
  let alerts: Alert[] = [];
  let resolved = new Set<number>();
  let left = false;
  const fetching = new Set<string>();

  const connection = h('div', { class: 'connection', 'aria-live': 'polite' }, statusLine('loading', 'Connecting to the live feed…'));
  const summary = h('p', { class: 'summary', 'aria-live': 'off' }, 'No container has reported yet.');
  const loading = h('div', { 'aria-live': 'polite' }, statusLine('loading', 'Loading your shipments, their positions and open alerts…'));

  const followInput = h('input', { id: 'follow', name: 'follow', type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: 'e.g. CSQU3054383 or CRV-…', 'aria-describedby': 'follow-help' });
  const followButton = h('button', { type: 'submit', class: 'primary' }, 'Follow');
  const stopButton = h('button', { type: 'button', class: 'link', hidden: true }, 'Stop following');
  const followStatus = h('div', { 'aria-live': 'polite' });
  const followed = h('div', { class: 'details followed' });
  const followForm = h(
    'form',
    { class: 'follow', role: 'search', 'aria-label': 'Follow a container' },
    h('div', { class: 'field' }, h('label', { for: 'follow' }, 'Follow a container'), followInput),
    h('p', { id: 'follow-help', class: 'help' }, 'A container number, shipment id or tracker id: the map keeps it in view and its details below follow its reports.'),
    h('div', { class: 'row' }, followButton, stopButton),
    followStatus,
  );

  const countsBox = h('section', { class: 'live-counts', 'aria-labelledby': 'counts-title' }, h('h2', { id: 'counts-title' }, 'Containers by corridor and leg'));
  const countsBody = h('div', {}, h('p', { class: 'help' }, 'Counts appear as containers report.'));
  countsBox.append(countsBody);
  const alertsTitle = h('h2', { id: 'alerts-title' }, 'Alerts');
  const alertsStatus = h('div', { 'aria-live': 'polite' });
  const alertsList = h('ul', { class: 'alerts' });
  const alertsBox = h('section', { class: 'live-alerts', 'aria-labelledby': 'alerts-title' }, alertsTitle, alertsStatus, alertsList);
  const recentList = h('ul', { class: 'recent' });
  const recentBox = h('section', { class: 'live-recent', 'aria-labelledby': 'recent-title' }, h('h2', { id: 'recent-title' }, 'Latest reports'), recentList);

  const dot = (colour: string, size = 0.8) => h('span', { class: 'swatch live-dot', style: `--c: ${colour}; --s: ${size}rem`, 'aria-hidden': 'true' });
  const legend = h(
    'details',
    { class: 'legend live-legend' },
    h('summary', {}, 'Legend'),
    h(
      'ul',
      {},
      ...Object.entries(MARKER_COLOURS).map(([mode, colour]) => h('li', {}, dot(colour), `A container on a ${mode} leg`)),
      h('li', {}, dot('#8a8a8a'), 'A container whose route is not loaded'),
      h('li', {}, dot(CLUSTER_STEPS[1]![1], 1.1), 'Containers close together (zoomed out): bigger and darker for more; choose one to zoom in'),
    ),
  );
  panel.replaceChildren(
    h('h1', {}, 'Live corridor'),
    connection,
    loading,
    summary,
    legend,
    followForm,
    followed,
    countsBox,
    alertsBox,
    recentBox,
  );
  panel.dataset.page = 'live';

  // ---- the fleet and the map

  let routesDue: ReturnType<typeof setTimeout> | null = null;
  const positions = (list: LivePosition[]) => {
    let moved = false;
    let unrouted = false;
    for (const p of list) {
      if (!fleet.apply(p)) continue;
      moved = true;
      unrouted ||= !fleet.routes.has(p.shipment) && !fetching.has(p.shipment);
    }
    if (moved) layer.changed();
    // Routes of new shipments are fetched in one go shortly after, not once per position.
    if (unrouted && !routesDue) routesDue = setTimeout(() => {
      routesDue = null;
      void loadRoutes();
    }, 200);
  };

  let panelAt = 0;
  let panelTimer: ReturnType<typeof setTimeout> | null = null;
  layer.onDraw = () => {
    if (layer.followedDevice) showFollowed(false);
    // The counts and lists are rebuilt at most once a second: cheap for people to read, cheap for 10,000 markers.
    const due = panelAt + PANEL_EVERY_MS - performance.now();
    if (due <= 0) drawPanel();
    else if (!panelTimer) panelTimer = setTimeout(drawPanel, due);
  };

  function drawPanel(): void {
    panelTimer = null;
    panelAt = performance.now();
    if (left) return;
    const counts = fleet.counts();
    const shipments = new Set<string>();
    for (const m of fleet.markers.values()) shipments.add(m.shipment);
    summary.textContent = `${fleet.markers.size} containers reporting on ${shipments.size} shipments.`;
    summary.dataset.containers = String(fleet.markers.size);
    drawCounts(counts);
    drawRecent();
  }

  // A list being read or used — pointed at, or holding the keyboard focus — is not rebuilt under the reader; it
  // catches up once they leave it.
  const busy = (el: HTMLElement) => el.contains(document.activeElement) || el.matches(':hover');

  let countsShown = '';
  function drawCounts(counts: CorridorCount[]): void {
    if (busy(countsBody)) return;
    const signature = JSON.stringify(counts.map((c) => [c.corridor, c.count, c.legs.map((l) => [l.key, l.count])]));
    if (signature === countsShown) return;
    countsShown = signature;
    if (counts.length === 0) return;
    const rows = counts.flatMap((c) => [
      h(
        'tr',
        { class: 'corridor', 'data-corridor': c.corridor },
        h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', 'data-fit': c.corridor, title: `Show the containers of ${c.corridor} on the map` }, c.corridor)),
        h('td', { class: 'num' }, String(c.count)),
      ),
      ...c.legs.map((l) =>
        h(
          'tr',
          { class: `leg mode-${l.mode ?? 'none'}`, 'data-leg': l.key },
          h('th', { scope: 'row' }, `${l.from} → ${l.to}`, h('span', { class: 'code' }, ` ${l.mode ?? ''}`)),
          h('td', { class: 'num' }, String(l.count)),
        ),
      ),
    ]);
    countsBody.replaceChildren(
      h(
        'table',
        { class: 'counts' },
        h('caption', { class: 'help' }, 'Each corridor, then its legs (LOCODE → LOCODE, mode). Choose a corridor to show its containers.'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Corridor / leg'), h('th', { scope: 'col', class: 'num' }, 'Containers'))),
        h('tbody', {}, ...rows),
      ),
    );
  }

  function drawRecent(): void {
    if (busy(recentList)) return;
    const recent = latest(fleet.markers.values(), 8);
    recentList.replaceChildren(
      ...recent.map((m) =>
        h('li', {}, h('button', { type: 'button', class: 'link', 'data-follow': m.device }, `${m.container}`), ' ', h('span', { class: 'code' }, fleet.corridorOf(m)), ' ', timeElement(m.iso)),
      ),
    );
  }

  countsBody.addEventListener('click', (e) => {
    const corridor = (e.target as HTMLElement).closest('button')?.dataset.fit;
    if (corridor === undefined) return;
    const inside = [...fleet.markers.values()].filter((m) => fleet.corridorOf(m) === corridor);
    fit(inside);
  });
  recentList.addEventListener('click', (e) => {
    const device = (e.target as HTMLElement).closest('button')?.dataset.follow;
    if (device) follow(device);
  });

  function fit(markers: Marker[]): void {
    if (markers.length === 0) return;
    const lons = markers.map((m) => m.lon);
    const lats = markers.map((m) => m.lat);
    map.map.fitBounds([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], { padding: 60, maxZoom: 7, duration: 0 });
  }

  // ---- following one container

  function follow(device: string): void {
    layer.follow(device);
    stopButton.hidden = false;
    showFollowed(true);
  }

  function showFollowed(centre: boolean): void {
    const m = fleet.markers.get(layer.followedDevice);
    followed.replaceChildren(markerDetails(fleet, layer.followedDevice));
    if (!m) return;
    const view = map.map.getBounds();
    if (centre) map.map.jumpTo({ center: [m.lon, m.lat], zoom: Math.max(map.map.getZoom(), 7) });
    else if (!view.contains([m.lon, m.lat])) map.map.panTo([m.lon, m.lat], { duration: 0 });
  }

  followForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = followInput.value.trim().toUpperCase();
    if (!q) {
      followStatus.replaceChildren(statusLine('error', 'Type a container number, a shipment id or a tracker id.'));
      followInput.focus();
      return;
    }
    const found = [...fleet.markers.values()].find((m) => m.container === q || m.shipment === q || m.device.toUpperCase() === q) ?? [...fleet.markers.values()].find((m) => m.container.startsWith(q));
    if (!found) {
      followStatus.replaceChildren(statusLine('error', `No container matching "${followInput.value.trim()}" has reported on your shipments.`));
      followInput.focus();
      return;
    }
    followStatus.replaceChildren(statusLine('info', `Following ${found.container} (${found.shipment}).`));
    follow(found.device);
  });
  stopButton.addEventListener('click', () => {
    layer.follow('');
    followed.replaceChildren();
    followStatus.replaceChildren();
    stopButton.hidden = true;
    followInput.focus();
  });

  // ---- routes of the shipments (corridor and legs)

  async function loadRoutes(): Promise<void> {
    for (const id of fleet.unrouted()) {
      if (fetching.has(id) || left) continue;
      fetching.add(id);
      try {
        const s = await liveApi.shipment(api, id, abort.signal);
        fleet.setRoute(routeOf(s, where));
        layer.changed();
      } catch {
        // The container stays under "Route not loaded"; the next position of it tries again.
        fetching.delete(id);
      }
    }
  }

  function where(locode: string): [number, number] | null {
    return (ctx.network.byLocode.get(locode)?.geometry.coordinates as [number, number] | undefined) ?? null;
  }

  // ---- alerts

  function drawAlerts(): void {
    alertsTitle.textContent = `Alerts (${alerts.length} unresolved)`;
    alertsList.dataset.count = String(alerts.length);
    if (alerts.length === 0) {
      alertsList.replaceChildren(h('li', { class: 'help' }, 'No unresolved alerts on your shipments.'));
      return;
    }
    const shown = alerts.slice(0, 50);
    alertsList.replaceChildren(
      ...shown.map((a) =>
        h(
          'li',
          { class: `alert-item ${a.state}`, 'data-alert': a.id },
          h('div', { class: 'alert-head' }, h('strong', {}, ALERT_LABELS[a.kind] ?? a.kind), ' ', h('span', { class: `badge ${a.state}` }, a.state === 'open' ? 'open' : 'acknowledged')),
          h('div', { class: 'alert-what' }, `${a.shipment}${a.subject ? ` · ${a.subject}` : ''} · opened `, timeElement(a.openedAt)),
          a.detail ? h('div', { class: 'help' }, a.detail) : null,
          h(
            'div',
            { class: 'row' },
            a.state === 'open' ? h('button', { type: 'button', class: 'secondary', 'data-ack': a.id, 'aria-label': `Acknowledge alert ${a.id}: ${ALERT_LABELS[a.kind] ?? a.kind} on ${a.shipment}` }, 'Acknowledge') : null,
            h('button', { type: 'button', class: 'link', 'data-show': a.shipment }, 'Show on map'),
          ),
        ),
      ),
    );
    if (alerts.length > shown.length) alertsList.append(h('li', { class: 'help' }, `and ${alerts.length - shown.length} more.`));
  }

  alertsList.addEventListener('click', async (e) => {
    const button = (e.target as HTMLElement).closest('button');
    if (!button) return;
    if (button.dataset.show) {
      const m = [...fleet.markers.values()].find((x) => x.shipment === button.dataset.show);
      if (m) follow(m.device);
      else alertsStatus.replaceChildren(statusLine('info', `No container of ${button.dataset.show} has reported since the server started.`));
      return;
    }
    const id = Number(button.dataset.ack);
    if (!id) return;
    button.setAttribute('disabled', '');
    alertsStatus.replaceChildren(statusLine('loading', `Acknowledging alert ${id}…`));
    try {
      const a = await liveApi.acknowledge(api, id);
      alerts = reduceAlerts(alerts, { event: 'alert.acknowledged', alert: a }, resolved);
      alertsStatus.replaceChildren(statusLine('info', `Alert ${id} acknowledged.`));
      drawAlerts();
      alertsList.querySelector<HTMLElement>(`[data-alert="${id}"] button`)?.focus();
    } catch (err) {
      button.removeAttribute('disabled');
      alertsStatus.replaceChildren(statusLine('error', `Alert ${id} could not be acknowledged: ${err instanceof Error ? err.message : String(err)}`));
    }
  });

  // ---- loading and the feed

  async function reload(): Promise<void> {
    try {
      const [shipments, snapshot, open] = await Promise.all([liveApi.shipments(api, abort.signal), liveApi.positions(api, abort.signal), liveApi.alerts(api, abort.signal)]);
      if (left) return;
      for (const s of shipments) fleet.setRoute(routeOf(s, where));
      positions(snapshot.positions);
      alerts = open;
      resolved = new Set();
      drawAlerts();
      layer.changed();
      loading.replaceChildren();
      drawPanel();
    } catch (err) {
      if (left || (err instanceof DOMException && err.name === 'AbortError')) return;
      const retry = h('button', { type: 'button' }, 'Try again');
      retry.addEventListener('click', () => {
        loading.replaceChildren(statusLine('loading', 'Loading again…'));
        void reload();
      });
      const why = err instanceof ApiError ? err.message : String(err);
      loading.replaceChildren(statusLine('error', `The shipments, positions or alerts could not be loaded: ${why}`), retry);
    }
  }

  function onEvent(e: SseEvent): void {
    let data: unknown;
    try {
      data = JSON.parse(e.data);
    } catch {
      return;
    }
    if (e.event === 'position') positions([data as LivePosition]);
    else if (e.event === 'alert') {
      alerts = reduceAlerts(alerts, data as AlertMessage, resolved);
      drawAlerts();
    }
  }

  const states: Record<FeedState, (detail?: string) => HTMLElement> = {
    connecting: () => statusLine('loading', 'Connecting to the live feed…'),
    live: () => statusLine('ok', 'Live: positions and alerts arrive as they happen.'),
    reconnecting: (detail) => statusLine('error', `Reconnecting to the live feed${detail ? ` (${detail})` : ''}. Positions shown may be old.`),
    closed: (detail) => (detail ? statusLine('error', `The live feed is closed: ${detail}.`) : statusLine('info', 'The live feed is closed.')),
  };
  const onState = (state: FeedState, detail?: string) => {
    if (left) return;
    connection.dataset.state = state;
    connection.replaceChildren(states[state](detail));
  };

  let feed: LiveFeed | null = null;
  void map.whenReady().then(() => {
    if (left) return;
    layer.add();
    if (new URLSearchParams(location.search).get('feed') === 'synthetic') {
      // The benchmark's feed (bench/web/live.mjs): event-stream text pushed in, parsed and drawn as the real feed is.
      const parser = new SseParser();
      window.caravanLiveFeed = { push: (text) => parser.push(text).forEach(onEvent), repaint: () => map.map.triggerRepaint() };
      onState('live');
      void reload();
      return;
    }
    feed = new LiveFeed('/api/live?types=position,alert', () => api.token(), {
      onEvent,
      onState,
      // Subscribed first, then the snapshot: nothing published in between is missed, and older readings lose.
      onOpen: () => void reload(),
    });
    feed.start();
  });

  return () => {
    left = true;
    abort.abort();
    feed?.stop();
    if (panelTimer) clearTimeout(panelTimer);
    if (routesDue) clearTimeout(routesDue);
    delete window.caravanLiveFeed;
    layer.remove();
    delete panel.dataset.page;
  };
}
