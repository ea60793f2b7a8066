import { Marker } from 'maplibre-gl';
import { ApiError } from '../api';
import { chainView, CLASSIFIER_LABELS, eventTimeline, eventWords, shortKid } from '../chain';
import type { ChainView, TimelineItem } from '../chain';
import { h, statusLine } from '../dom';
import { timeElement } from '../format';
import { LiveFeed } from '../sse';
import { alertWords, fileSize, pageProblem } from '../shipment-view';
import { arrivalOf, statusLabel } from '../shipments';
import type { Alert, ChainEntry, ContainerPosition, Shipment, ShipmentDocument, VerifyResult } from '../shipment-types';
import type { PageContext } from './context';

const PLATFORM = 'caravan';

/**
 * One shipment: its itinerary on the map with where its containers were last seen, the event timeline with who signed
 * each event, whether the chain verifies (and where it breaks), its alerts and documents. Follows `/api/live` for the
 * shipment while open: positions move the marker, new entries join the timeline, alert changes reload the alerts.
 */
export function shipmentPage(ctx: PageContext): void {
  const { api, network, map, panel } = ctx;
  const id = decodeURIComponent(location.pathname.slice('/shipments/'.length));
  document.title = `${id} · Shipments · Caravan`;
  void map.shadeCountries([]);
  const leave = new AbortController();
  const markers = new Map<string, Marker>();
  panel.addEventListener('caravan:leave', () => leave.abort(), { once: true });
  leave.signal.addEventListener('abort', () => markers.forEach((m) => m.remove()));
  const place = (locode: string | null) => (locode ? `${network.byLocode.get(locode)?.properties.name ?? locode} (${locode})` : 'No place named');
  const back = h('p', { class: 'back' }, h('a', { href: '/shipments', 'data-nav': true }, '← All shipments'));
  panel.replaceChildren(back, statusLine('loading', `Loading shipment ${id}…`));

  const sections = {
    arrival: h('section', { class: 'arrival-box', 'aria-labelledby': 'arrival-title' }),
    position: h('section', { class: 'position-box', 'aria-labelledby': 'position-title' }),
    chain: h('section', { class: 'chain-box', 'aria-labelledby': 'chain-title', 'aria-live': 'polite' }),
    timeline: h('section', { class: 'events-box', 'aria-labelledby': 'events-title' }),
    alerts: h('section', { class: 'alerts-box', 'aria-labelledby': 'alerts-title', 'aria-live': 'polite' }),
    documents: h('section', { class: 'documents-box', 'aria-labelledby': 'documents-title' }),
  };
  let shipment: Shipment;
  let entries: ChainEntry[] = [];
  let verified: ChainView | null = null;
  let verifyFailed: string | null = null;
  let showSuperseded = false;
  const positions = new Map<string, ContainerPosition>();

  async function load(): Promise<void> {
    try {
      shipment = await api.get<Shipment>(`/api/shipments/${encodeURIComponent(id)}`, leave.signal);
    } catch (err) {
      if (leave.signal.aborted) return;
      const retry = h('button', { type: 'button' }, 'Try again');
      retry.addEventListener('click', () => void load());
      const problem = h('div', { class: 'page-problem' }, statusLine('error', pageProblem(id, err)), err instanceof ApiError && err.status === 404 ? null : retry);
      panel.replaceChildren(back, h('h1', {}, `Shipment ${id}`), problem);
      return;
    }
    panel.replaceChildren(back, header(shipment), sections.arrival, sections.position, sections.chain, sections.timeline, sections.alerts, sections.documents);
    renderArrival();
    void map.showItinerary(shipment.itinerary);
    for (const [key, section, title] of [
      ['position', sections.position, 'Where it is'],
      ['chain', sections.chain, 'Record'],
      ['timeline', sections.timeline, 'Events'],
      ['alerts', sections.alerts, 'Alerts'],
      ['documents', sections.documents, 'Documents'],
    ] as const) {
      section.replaceChildren(h('h2', { id: `${key === 'timeline' ? 'events' : key}-title` }, title), statusLine('loading', `Loading ${title.toLowerCase()}…`));
    }
    await Promise.all([loadPositions(), loadEvents(), loadAlerts(), loadDocuments()]);
    follow();
  }

  function header(s: Shipment): HTMLElement {
    const roles = s.parties.map((p) => `${p.party} (${p.role})`).join(', ');
    return h(
      'header',
      { class: 'shipment-head', 'data-shipment': s.id },
      h('h1', { id: 'shipment-title' }, `Shipment ${s.id} `, h('span', { class: `badge status-${s.status}`, 'data-status': s.status }, statusLabel(s.status))),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Route'), h('dd', {}, `${place(s.consignment.placeOfTakingOver)} → ${place(s.consignment.placeOfDelivery)}`),
        h('dt', {}, 'Corridor'), h('dd', {}, s.itinerary.corridor),
        h('dt', {}, 'Goods'), h('dd', {}, `${s.consignment.goodsDescription} (HS ${s.consignment.hsCode}), ${s.consignment.numberOfPackages} packages, ${s.consignment.grossMassKg.toLocaleString('en-US')} kg`),
        h('dt', {}, 'Containers'), h('dd', {}, s.containers.map((c) => c.number).join(', ')),
        h('dt', {}, 'Booked'), h('dd', {}, timeElement(s.createdAt), ` by ${s.createdBy}`),
        h('dt', {}, 'Parties'), h('dd', {}, roles),
        h('dt', {}, 'Your roles'), h('dd', {}, s.yourRoles.join(', ')),
      ),
    );
  }

  function renderArrival(): void {
    const a = arrivalOf(shipment);
    const eta = shipment.eta;
    sections.arrival.replaceChildren(
      h('h2', { id: 'arrival-title' }, 'Arrival'),
      a.arrived
        ? h('p', {}, `Arrived at ${place(shipment.itinerary.legs.at(-1)?.to ?? null)}.`)
        : h(
            'dl',
            { class: 'facts', 'data-source': a.source },
            eta?.next && eta.next.terminal !== eta.destination.terminal ? h('dt', {}, `Next: ${place(eta.next.terminal)}`) : null,
            eta?.next && eta.next.terminal !== eta.destination.terminal ? h('dd', {}, 'P50 ', timeElement(eta.next.p50), ' · P90 ', timeElement(eta.next.p90)) : null,
            h('dt', {}, `Destination: ${place(eta?.destination.terminal ?? shipment.consignment.placeOfDelivery)}`),
            h('dd', {}, 'P50 ', timeElement(a.p50), ' · P90 ', timeElement(a.p90)),
          ),
      eta ? h('p', { class: 'help' }, 'Estimated from the tracker as of ', timeElement(eta.asOf), '.') : h('p', { class: 'help' }, 'As planned: no tracker on this shipment has reported yet.'),
    );
  }

  async function loadPositions(): Promise<void> {
    try {
      for (const p of await api.get<ContainerPosition[]>(`/api/shipments/${encodeURIComponent(id)}/positions`, leave.signal)) positions.set(p.container, p);
    } catch (err) {
      if (leave.signal.aborted) return;
      sections.position.replaceChildren(h('h2', { id: 'position-title' }, 'Where it is'), statusLine('error', `The trackers' positions could not be loaded: ${pageProblem(id, err)}`));
      return;
    }
    renderPositions();
  }

  function renderPositions(): void {
    const rows = shipment.containers.map((c) => {
      const p = positions.get(c.number);
      const r = p?.reading;
      if (r) {
        placeMarker(c.number, r.lat, r.lon, r.time);
        return h(
          'li',
          { 'data-container': c.number, 'data-seen': r.time },
          h('strong', {}, c.number),
          ' last seen ',
          timeElement(r.time),
          ` at ${r.lat.toFixed(3)}, ${r.lon.toFixed(3)}`,
          r.speed ? `, ${Math.round(r.speed)} km/h` : '',
          r.temperature !== null && r.temperature !== undefined ? `, ${r.temperature.toFixed(1)} °C` : '',
          h('span', { class: 'sub' }, ` tracker ${p!.device}`),
        );
      }
      return h('li', { 'data-container': c.number }, h('strong', {}, c.number), p ? ` — tracker ${p.device} has not reported yet.` : ' — no tracker is bound to it.');
    });
    sections.position.replaceChildren(h('h2', { id: 'position-title' }, 'Where it is'), h('ul', { class: 'positions' }, ...rows), live);
  }

  function placeMarker(container: string, lat: number, lon: number, time: string): void {
    let marker = markers.get(container);
    if (!marker) {
      const el = h('div', { class: 'container-marker', 'data-container': container, role: 'img' });
      marker = new Marker({ element: el }).setLngLat([lon, lat]).addTo(map.map);
      markers.set(container, marker);
    }
    marker.setLngLat([lon, lat]);
    const el = marker.getElement();
    el.setAttribute('aria-label', `Container ${container}, last seen ${time}`);
    el.title = `${container} · ${time}`;
    el.dataset.lat = String(lat);
    el.dataset.lon = String(lon);
  }

  async function loadEvents(): Promise<void> {
    try {
      const [list, verify] = await Promise.all([
        api.get<ChainEntry[]>(`/api/shipments/${encodeURIComponent(id)}/events`, leave.signal),
        api.get<VerifyResult>(`/api/shipments/${encodeURIComponent(id)}/verify`, leave.signal).catch((err: unknown) => {
          if (leave.signal.aborted) throw err;
          verifyFailed = pageProblem(id, err);
          return null;
        }),
      ]);
      entries = list;
      verified = verify ? chainView(verify, entries.map((e) => e.sequence)) : null;
      if (verify) verifyFailed = null;
    } catch (err) {
      if (leave.signal.aborted) return;
      sections.timeline.replaceChildren(h('h2', { id: 'events-title' }, 'Events'), statusLine('error', `The events could not be loaded: ${pageProblem(id, err)}`));
      return;
    }
    renderChain();
    renderTimeline();
  }

  function renderChain(): void {
    const head = h('h2', { id: 'chain-title' }, 'Record');
    if (!verified) {
      sections.chain.replaceChildren(head, statusLine('error', `Whether the chain verifies is unknown: ${verifyFailed ?? 'the check did not answer'}`));
      return;
    }
    const jump = verified.brokenAt !== null ? h('a', { href: `#entry-${verified.brokenAt}` }, `Go to entry ${verified.brokenAt}`) : null;
    sections.chain.replaceChildren(
      head,
      h('p', { class: `chain-state ${verified.state}`, 'data-chain': verified.state, 'data-broken-at': verified.brokenAt ?? '', role: verified.state === 'broken' ? 'alert' : 'status' }, verified.state === 'intact' ? '✓ ' : '✗ ', verified.summary, ' ', jump),
    );
  }

  function renderTimeline(): void {
    const groups = eventTimeline(entries);
    const toggle = h('input', { type: 'checkbox', id: 'show-superseded', checked: showSuperseded });
    toggle.addEventListener('change', () => {
      showSuperseded = toggle.checked;
      list.classList.toggle('show-superseded', showSuperseded);
    });
    const list = h(
      'ol',
      { class: `event-timeline${showSuperseded ? ' show-superseded' : ''}`, 'aria-label': 'Events in the order they happened' },
      ...groups.map((g) =>
        h('li', { class: 'stop', 'data-place': g.place ?? '' }, h('h3', {}, g.place ? place(g.place) : 'Paperwork'), h('ol', {}, ...g.items.map(eventItem))),
      ),
    );
    sections.timeline.replaceChildren(
      h('h2', { id: 'events-title' }, `Events (${entries.length})`),
      h('p', { class: 'legend-line' }, h('span', { class: 'classifier act' }, 'ACT'), ' actual — happened. ', h('span', { class: 'classifier est' }, 'EST'), ' estimated and ', h('span', { class: 'classifier pln' }, 'PLN'), ' planned — expected. Times are yours; hover for UTC.'),
      h('label', { class: 'inline' }, toggle, ' Show superseded estimates'),
      entries.length === 0 ? statusLine('info', 'No event has been recorded yet.') : list,
    );
  }

  function eventItem(item: TimelineItem): HTMLElement {
    const check = verified?.check(item.sequence) ?? null;
    const classes = ['event', item.classifier.toLowerCase()];
    if (item.superseded) classes.push('superseded');
    if (item.correctedBy !== null) classes.push('corrected');
    if (check) classes.push(`check-${check}`);
    const signer = item.author === PLATFORM ? 'Caravan platform (from tracker data)' : item.author;
    return h(
      'li',
      {
        id: `entry-${item.sequence}`,
        class: classes.join(' '),
        'data-sequence': item.sequence,
        'data-code': item.code,
        'data-classifier': item.classifier,
        'data-author': item.author,
        'data-kid': item.kid,
        'data-check': check ?? '',
        tabindex: -1,
      },
      h('span', { class: `classifier ${item.classifier.toLowerCase()}`, title: CLASSIFIER_LABELS[item.classifier] }, item.classifier),
      h('span', { class: 'what' }, eventWords(item.code, item.classifier), item.mode ? ` · ${item.mode.toLowerCase()}` : '', item.equipment ? ` · ${item.equipment}` : '', item.document ? ` · ${item.document}` : ''),
      h('span', { class: 'when' }, timeElement(item.time)),
      h('span', { class: 'who' }, 'Signed by ', h('strong', {}, signer), ' · key ', h('code', { title: item.kid }, shortKid(item.kid))),
      h(
        'span',
        { class: 'meta' },
        `Entry ${item.sequence} · recorded `,
        timeElement(item.recordedAt),
        item.superseded ? ' · superseded' : '',
        item.correctedBy !== null ? ` · corrected by entry ${item.correctedBy}` : '',
        item.correctsEventId ? ` · corrects event ${item.correctsEventId}` : '',
      ),
      check === 'broken' ? h('span', { class: 'check broken', role: 'note' }, `✗ The chain breaks here: ${verified?.reason ?? ''}.`) : null,
      check === 'unchecked' ? h('span', { class: 'check unchecked' }, 'Not verified: after the break') : null,
    );
  }

  async function loadAlerts(): Promise<void> {
    let alerts: Alert[];
    try {
      alerts = await api.get<Alert[]>(`/api/alerts?shipment=${encodeURIComponent(id)}&limit=1000`, leave.signal);
    } catch (err) {
      if (leave.signal.aborted) return;
      sections.alerts.replaceChildren(h('h2', { id: 'alerts-title' }, 'Alerts'), statusLine('error', `The alerts could not be loaded: ${pageProblem(id, err)}`));
      return;
    }
    const unresolved = alerts.filter((a) => a.state !== 'resolved').length;
    sections.alerts.replaceChildren(
      h('h2', { id: 'alerts-title' }, `Alerts (${unresolved} unresolved)`),
      alerts.length === 0 ? statusLine('info', 'No alert has been raised on this shipment.') : h('ul', { class: 'alerts' }, ...alerts.map(alertItem)),
    );
  }

  function alertItem(a: Alert): HTMLElement {
    const status = h('div', { 'aria-live': 'polite' });
    const li = h(
      'li',
      { class: `alert-item state-${a.state}`, 'data-alert': a.id, 'data-state': a.state },
      h('span', { class: 'what' }, alertWords(a.kind), a.subject ? ` · ${network.byLocode.has(a.subject) ? place(a.subject) : a.subject}` : ''),
      h('span', { class: `badge state ${a.state}` }, a.state),
      h('span', { class: 'detail' }, a.detail),
      h(
        'span',
        { class: 'meta' },
        'Opened ',
        timeElement(a.openedAt),
        ...(a.acknowledgedAt ? [' · acknowledged ', timeElement(a.acknowledgedAt), ` by ${a.acknowledgedBy}`] : []),
        ...(a.resolvedAt ? [' · resolved ', timeElement(a.resolvedAt), a.resolveDetail ? `: ${a.resolveDetail}` : ''] : []),
      ),
      status,
    );
    if (a.state === 'open') {
      // Any party on the shipment may acknowledge (docs/api.md "Alerts"); the server has the last word.
      const button = h('button', { type: 'button', class: 'secondary' }, 'Acknowledge');
      button.setAttribute('aria-label', `Acknowledge alert ${a.id}: ${alertWords(a.kind)}`);
      button.addEventListener('click', async () => {
        button.disabled = true;
        status.replaceChildren(statusLine('loading', 'Acknowledging…'));
        try {
          await api.post<Alert>(`/api/alerts/${a.id}/acknowledge`, undefined);
          await loadAlerts();
          sections.alerts.querySelector<HTMLElement>(`[data-alert="${a.id}"] .badge`)?.focus();
        } catch (err) {
          button.disabled = false;
          status.replaceChildren(statusLine('error', `Not acknowledged: ${err instanceof Error ? err.message : String(err)}`));
        }
      });
      li.append(button);
    }
    return li;
  }

  async function loadDocuments(): Promise<void> {
    let documents: ShipmentDocument[];
    try {
      documents = await api.get<ShipmentDocument[]>(`/api/shipments/${encodeURIComponent(id)}/documents`, leave.signal);
    } catch (err) {
      if (leave.signal.aborted) return;
      sections.documents.replaceChildren(h('h2', { id: 'documents-title' }, 'Documents'), statusLine('error', `The documents could not be loaded: ${pageProblem(id, err)}`));
      return;
    }
    sections.documents.replaceChildren(
      h('h2', { id: 'documents-title' }, `Documents (${documents.length})`),
      documents.length === 0 ? statusLine('info', 'No document is attached to this shipment.') : h('ul', { class: 'documents' }, ...documents.map(documentItem)),
    );
  }

  function documentItem(d: ShipmentDocument): HTMLElement {
    const status = h('div', { 'aria-live': 'polite' });
    const button = h('button', { type: 'button', class: 'secondary', 'data-sha256': d.sha256 }, 'Download');
    button.setAttribute('aria-label', `Download ${d.fileName}`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      status.replaceChildren(statusLine('loading', `Downloading ${d.fileName}…`));
      try {
        const response = await api.fetch(d.href);
        if (!response.ok) throw new ApiError(response.status, `the server answered ${response.status}`);
        const url = URL.createObjectURL(await response.blob());
        const a = h('a', { href: url, download: d.fileName, hidden: true });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        status.replaceChildren();
      } catch (err) {
        status.replaceChildren(statusLine('error', `${d.fileName} could not be downloaded: ${err instanceof Error ? err.message : String(err)}`));
      } finally {
        button.disabled = false;
      }
    });
    return h(
      'li',
      { 'data-document': d.sha256 },
      h('span', { class: 'what' }, d.fileName),
      h('span', { class: 'meta' }, `${d.contentType}, ${fileSize(d.sizeBytes)} · attached by ${d.uploadedBy} `, timeElement(d.uploadedAt)),
      h('code', { class: 'sha', title: `SHA-256 ${d.sha256}` }, d.sha256.slice(0, 12) + '…'),
      button,
      status,
    );
  }

  const live = h('p', { class: 'live-state', 'data-live': 'connecting', role: 'status' }, 'Connecting to live updates…');

  function liveState(state: 'open' | 'connecting' | 'stopped', text: string): void {
    live.dataset.live = state;
    live.textContent = text;
  }

  function follow(): void {
    let refresh: ReturnType<typeof setTimeout> | null = null;
    const recheck = () => {
      if (refresh) clearTimeout(refresh);
      refresh = setTimeout(() => void loadEvents(), 500);
    };
    const feed = new LiveFeed(`/api/live?shipment=${encodeURIComponent(id)}`, api.token, {
      onState: (state, detail) => {
        if (state === 'live') liveState('open', 'Live: positions, events and alerts appear here as they happen.');
        else if (state === 'closed') liveState('stopped', detail ? `Live updates stopped: ${detail}.` : 'Live updates stopped.');
        else liveState('connecting', detail ? `Reconnecting: ${detail}.` : 'Connecting to live updates…');
      },
      // Anything that happened while the feed was down is read again.
      onOpen: (reconnected) => {
        if (reconnected) recheck();
      },
      onEvent: (m) => {
        if (!panel.isConnected || !document.body.contains(sections.timeline)) {
          leave.abort();
          return;
        }
        if (m.event === 'position') {
          const p = JSON.parse(m.data) as ContainerPosition;
          positions.set(p.container, p);
          renderPositions();
        } else if (m.event === 'entry') {
          const entry = JSON.parse(m.data) as ChainEntry;
          if (!entries.some((e) => e.sequence === entry.sequence)) {
            entries = [...entries, entry].sort((a, b) => a.sequence - b.sequence);
            renderTimeline();
          }
          recheck();
        } else if (m.event === 'alert') {
          void loadAlerts();
        }
      },
    });
    leave.signal.addEventListener('abort', () => feed.stop(), { once: true });
    if (!leave.signal.aborted) feed.start();
  }

  void load();
}
