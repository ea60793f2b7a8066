import { ApiError } from '../api';
import { h, statusLine } from '../dom';
import { timeElement } from '../format';
import { arrivalOf, filterShipments, STATUS_LABELS, statusCounts, statusLabel, unresolvedAlerts } from '../shipments';
import type { Shipment } from '../shipment-types';
import type { PageContext } from './context';

/**
 * The shipments list: every shipment the signed-in party holds a role in, with status, corridor, arrival P50/P90 and
 * unresolved alerts; filtered by status and searched by shipment id, container or place. The filter lives in the
 * address (`?status=…&q=…`), so Back returns to the same list. Arrow keys move between the rows' links.
 */
export function shipmentsPage(ctx: PageContext): void {
  const { api, network, map, panel } = ctx;
  void map.showItinerary(null);
  void map.shadeCountries([]);
  const name = (locode: string) => network.byLocode.get(locode)?.properties.name;
  const params = new URLSearchParams(location.search);

  const search = h('input', { id: 'shipment-search', name: 'q', type: 'search', autocomplete: 'off', spellcheck: 'false', value: params.get('q') ?? '', 'aria-describedby': 'shipment-search-help' });
  const status = h('select', { id: 'shipment-status', name: 'status' }, h('option', { value: '' }, 'Every status'));
  const state = h('div', { class: 'list-status', 'aria-live': 'polite' }, statusLine('loading', 'Loading your shipments…'));
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'shipments', hidden: true },
    h('caption', { class: 'visually-hidden' }, 'Your shipments: status, corridor, arrival and alerts'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Shipment'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Corridor'), h('th', { scope: 'col' }, 'Arrival P50 / P90'), h('th', { scope: 'col' }, 'Alerts'))),
    body,
  );
  panel.replaceChildren(
    h('div', { class: 'shipments-list' },
      h('h1', {}, 'Shipments'),
      h('form', { class: 'row filters', role: 'search', 'aria-label': 'Find shipments' },
        h('div', { class: 'field grow' }, h('label', { for: 'shipment-search' }, 'Search'), search, h('span', { id: 'shipment-search-help', class: 'help' }, 'Shipment id, container number, or a place (name or LOCODE).')),
        h('div', { class: 'field' }, h('label', { for: 'shipment-status' }, 'Status'), status),
      ),
      state,
      h('div', { class: 'table-scroll' }, table),
    ),
  );

  let all: Shipment[] = [];

  function render(): void {
    const filter = { status: status.value, query: search.value };
    const query = new URLSearchParams();
    if (filter.status) query.set('status', filter.status);
    if (filter.query.trim()) query.set('q', filter.query.trim());
    const address = `/shipments${query.toString() ? `?${query}` : ''}`;
    if (location.pathname === '/shipments' && `${location.pathname}${location.search}` !== address) history.replaceState(history.state, '', address);
    const shown = filterShipments(all, filter, name);
    body.replaceChildren(...shown.map(row));
    table.hidden = shown.length === 0;
    const what = all.length === 1 ? '1 shipment' : `${all.length} shipments`;
    if (all.length === 0) state.replaceChildren(statusLine('info', 'You hold a role in no shipment yet. Plan a route and book one, or ask the forwarder to add your party.'));
    else if (shown.length === 0) state.replaceChildren(statusLine('info', `None of your ${what} matches${filter.status ? ` the status “${statusLabel(filter.status)}”` : ''}${filter.query.trim() ? ` and “${filter.query.trim()}”` : ''}.`));
    else state.replaceChildren(statusLine('info', shown.length === all.length ? `${what}.` : `${shown.length} of ${what}.`));
  }

  function place(locode: string): string {
    return `${name(locode) ?? locode} (${locode})`;
  }

  function row(s: Shipment): HTMLTableRowElement {
    const arrival = arrivalOf(s);
    const alerts = unresolvedAlerts(s);
    const link = h('a', { href: `/shipments/${encodeURIComponent(s.id)}`, 'data-nav': true, class: 'shipment-link' }, s.id);
    const tr = h(
      'tr',
      { 'data-shipment': s.id, 'data-status': s.status },
      h('th', { scope: 'row' }, link, h('span', { class: 'sub' }, s.containers.map((c) => c.number).join(', '))),
      h('td', {}, h('span', { class: `badge status-${s.status}` }, statusLabel(s.status))),
      h('td', {}, s.itinerary.corridor, h('span', { class: 'sub' }, `${place(s.consignment.placeOfTakingOver)} → ${place(s.consignment.placeOfDelivery)}`)),
      h(
        'td',
        { class: 'arrival', 'data-source': arrival.source },
        arrival.arrived ? 'Arrived' : h('span', {}, timeElement(arrival.p50), h('span', { class: 'visually-hidden' }, ' to '), timeElement(arrival.p90)),
        h('span', { class: 'sub' }, arrival.source === 'estimate' ? 'tracker estimate' : 'as planned'),
      ),
      h(
        'td',
        { class: 'alerts', 'data-alerts': alerts },
        alerts === 0 ? h('span', { class: 'none' }, 'none') : h('span', { class: 'badge alert-count', title: `${s.alerts.open} open, ${s.alerts.acknowledged} acknowledged` }, `${alerts}`, h('span', { class: 'visually-hidden' }, ` unresolved (${s.alerts.open} open)`)),
      ),
    );
    // The map shows the itinerary of the row the pointer or the keyboard is on.
    const preview = () => void map.showItinerary(s.itinerary);
    tr.addEventListener('mouseenter', preview);
    link.addEventListener('focus', preview);
    return tr;
  }

  body.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...body.querySelectorAll<HTMLAnchorElement>('a.shipment-link')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    e.preventDefault();
    links[Math.max(0, Math.min(links.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))]!.focus();
  });
  search.addEventListener('input', render);
  status.addEventListener('change', render);
  panel.querySelector('form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    body.querySelector<HTMLAnchorElement>('a.shipment-link')?.focus();
  });

  async function load(): Promise<void> {
    state.replaceChildren(statusLine('loading', 'Loading your shipments…'));
    try {
      all = await api.get<Shipment[]>('/api/shipments');
    } catch (err) {
      const retry = h('button', { type: 'button' }, 'Try again');
      retry.addEventListener('click', () => void load());
      const why = err instanceof ApiError ? err.message : String(err);
      state.replaceChildren(statusLine('error', `Your shipments could not be loaded: ${why}`), retry);
      return;
    }
    const counts = statusCounts(all);
    const wanted = params.get('status') ?? '';
    status.replaceChildren(
      h('option', { value: '' }, `Every status (${all.length})`),
      ...Object.entries(STATUS_LABELS).map(([value, label]) => h('option', { value, selected: value === wanted }, `${label} (${counts.get(value) ?? 0})`)),
    );
    render();
  }

  void load();
}
