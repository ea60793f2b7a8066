import './styles.css';
import { Api, ApiError } from './api';
import { h, statusLine } from './dom';
import { CorridorMap } from './map';
import { readNetwork } from './network';
import type { CorridorNetwork } from './network';
import { Session, tokenProblem } from './session';
import type { Caller } from './types';
import type { PageContext } from './pages/context';

const app = document.getElementById('app')!;
const session = new Session(sessionStorage);
const api = new Api(() => session.token);

// A page may return what to do when it is left (close a feed, take its layers off the shared map).
type Page = (ctx: PageContext) => void | (() => void);
let leave: (() => void) | null = null;

const ROUTES: Record<string, { title: string; load: () => Promise<Page> }> = {
  '/': { title: 'Corridor map', load: async () => (await import('./pages/corridor')).corridorPage },
  '/plan': { title: 'Plan', load: async () => (await import('./pages/plan')).planPage },
  '/shipments': { title: 'Shipments', load: async () => (await import('./pages/shipments')).shipmentsPage },
  '/live': { title: 'Live corridor', load: async () => (await import('./pages/live')).livePage },
};
const SHIPMENT_ROUTE = { title: 'Shipment', load: async () => (await import('./pages/shipment')).shipmentPage };

/** The page at `path`: one of ROUTES, or a shipment's page at /shipments/{id}. */
function pageAt(path: string): (typeof ROUTES)[string] | undefined {
  return ROUTES[path] ?? (/^\/shipments\/[^/]+$/.test(path) ? SHIPMENT_ROUTE : undefined);
}

let shell: { ctx: PageContext; nav: HTMLElement } | null = null;

function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  void route();
}

window.addEventListener('popstate', () => void route());
document.addEventListener('click', (e) => {
  const a = (e.target as HTMLElement).closest('a[data-nav]');
  if (a instanceof HTMLAnchorElement && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.button === 0) {
    e.preventDefault();
    navigate(a.pathname);
  }
});

async function route(): Promise<void> {
  const path = location.pathname;
  leave?.();
  leave = null;
  if (!session.token) {
    signIn();
    return;
  }
  if (path === '/sign-in') {
    navigate('/', true);
    return;
  }
  const page = pageAt(path);
  if (!shell) {
    const started = await start();
    if (!started) return;
  }
  if (!page) {
    shell!.ctx.panel.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, `There is no page ${path} in the dashboard. `, h('a', { href: '/', 'data-nav': true }, 'Go to the corridor map.')));
    return;
  }
  document.title = `${page.title} · Caravan`;
  shell!.nav.querySelectorAll('a').forEach((a) => (a.pathname === path || path.startsWith(`${a.pathname}/`) ? a.setAttribute('aria-current', 'page') : a.removeAttribute('aria-current')));
  // The page leaving stops what it started (a live feed, markers).
  shell!.ctx.panel.dispatchEvent(new Event('caravan:leave'));
  leave = (await page.load())(shell!.ctx) ?? null;
  shell!.ctx.panel.focus({ preventScroll: true });
}

/**
 * Checks the token, loads the network and builds the page frame and the map; null (after saying why) on failure.
 * The frame and the map are built at once, while the server answers: MapLibre's WebGL context, style and worker
 * start in parallel with `/api/me` and `/api/network` instead of after them (the network reaches the map when it
 * arrives); who is signed in joins the header once the server has said.
 */
async function start(): Promise<PageContext | null> {
  const networkLoaded = api.network().then(readNetwork);
  const nav = h(
    'nav',
    { 'aria-label': 'Pages' },
    h('a', { href: '/', 'data-nav': true }, 'Corridor map'),
    h('a', { href: '/plan', 'data-nav': true }, 'Plan'),
    h('a', { href: '/shipments', 'data-nav': true }, 'Shipments'),
    h('a', { href: '/live', 'data-nav': true }, 'Live'),
  );
  const panel = h('section', { class: 'panel', id: 'main', tabindex: -1 }, statusLine('loading', 'Checking your token and loading the corridor network…'));
  const mapBox = h('div', { class: 'map', id: 'map' });
  const header = h('header', { class: 'top' }, h('a', { href: '/', class: 'brand', 'data-nav': true }, 'Caravan'), nav);
  app.replaceChildren(header, h('main', { class: 'layout' }, panel, mapBox));
  const map = new CorridorMap(mapBox, networkLoaded);
  let caller: Caller;
  let network: CorridorNetwork;
  try {
    [caller, network] = await Promise.all([api.me(), networkLoaded]);
  } catch (err) {
    map.remove();
    if (err instanceof ApiError && err.status === 401) {
      session.signOut();
      signIn(`The server does not accept that token: ${err.message}`);
      return null;
    }
    app.replaceChildren(
      statusLine('error', `The dashboard could not start: ${err instanceof Error ? err.message : String(err)}`),
      h('button', { type: 'button' }, 'Try again'),
    );
    app.querySelector('button')!.addEventListener('click', () => void route());
    return null;
  }
  const who = caller.party ? `${caller.party.name} (${caller.party.id})` : 'Operator (admin token)';
  const signOut = h('button', { type: 'button', class: 'link' }, 'Sign out');
  signOut.addEventListener('click', () => {
    session.signOut();
    shell = null;
    navigate('/sign-in');
  });
  header.append(h('span', { class: 'who', 'data-party': caller.party?.id ?? '' }, who), signOut);
  panel.replaceChildren();
  map.whenReady().catch((e: unknown) => panel.prepend(statusLine('error', `The map could not be drawn: ${e instanceof Error ? e.message : String(e)}`)));
  new ResizeObserver(() => map.resize()).observe(mapBox);
  shell = { ctx: { api, caller, network, map, panel }, nav };
  return shell.ctx;
}

function signIn(problem?: string): void {
  document.title = 'Sign in · Caravan';
  if (location.pathname !== '/sign-in') history.replaceState({ next: location.pathname }, '', '/sign-in');
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'token-help' });
  const status = h('div', { 'aria-live': 'polite' }, problem ? statusLine('error', problem) : null);
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h(
    'form',
    { class: 'sign-in', novalidate: true },
    h('h1', {}, 'Caravan'),
    h('p', {}, 'The open digital trade corridor between China, Central Asia, the Caucasus, Türkiye and Europe.'),
    h('div', { class: 'field' }, h('label', { for: 'token' }, 'Party token'), input),
    h('p', { id: 'token-help', class: 'help' }, 'Your operator issues party tokens. With ', h('code', {}, 'caravan serve --demo'), ' the demo parties’ tokens are in ', h('code', {}, 'caravan-data/demo-tokens.json'), ' — try the demo-forwarder’s. The token stays in this tab only.'),
    submit,
    status,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const wrong = tokenProblem(input.value);
    if (wrong) {
      status.replaceChildren(statusLine('error', wrong));
      input.focus();
      return;
    }
    submit.disabled = true;
    status.replaceChildren(statusLine('loading', 'Checking the token…'));
    session.signIn(input.value);
    try {
      await api.me();
    } catch (err) {
      session.signOut();
      submit.disabled = false;
      status.replaceChildren(statusLine('error', err instanceof ApiError && err.status === 401 ? 'The server does not know this token, or it was revoked.' : `Could not sign in: ${err instanceof Error ? err.message : String(err)}`));
      input.focus();
      return;
    }
    const next = (history.state as { next?: string } | null)?.next;
    navigate(next && next !== '/sign-in' && pageAt(next) ? next : '/', true);
  });
  app.replaceChildren(h('main', { class: 'sign-in-page', id: 'main' }, form));
  input.focus();
}

void route();
