// Browser specs of the dashboard, run by tests/e2e/run against a real `caravan serve --demo`.
// playwright-core (web/node_modules) drives Debian's Chromium; each spec saves a screenshot in CARAVAN_ARTIFACTS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { startDemoServer, tamperEntry } from './second-server.mjs';

const base = process.env.CARAVAN_URL;
const tokens = JSON.parse(readFileSync(process.env.CARAVAN_TOKENS, 'utf8'));
const artifacts = process.env.CARAVAN_ARTIFACTS;
const forwarder = tokens['demo-forwarder'];
if (!base || !forwarder) throw new Error('CARAVAN_URL and a demo-forwarder token in CARAVAN_TOKENS are needed');

const chromium = await launchChromium();
const browser = chromium.context;

let passed = 0;
let failed = 0;
const outside = [];
// The servers the specs talk to: the suite's demo server, and any a spec starts for itself.
const servers = [base];
// CARAVAN_E2E_ONLY=regex runs only the specs whose names match (while working on them; scripts/test runs all).
const only = process.env.CARAVAN_E2E_ONLY ? new RegExp(process.env.CARAVAN_E2E_ONLY, 'i') : null;

async function spec(name, body, viewport = { width: 1366, height: 900 }) {
  if (only && !only.test(name)) return;
  // A new tab per spec: sessionStorage, and so the sign-in, starts empty.
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // No request may leave the machine: the dashboard works offline (Natural Earth and the libraries are bundled).
  page.on('request', (r) => {
    if (!servers.some((s) => r.url().startsWith(s)) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url());
  });
  try {
    await body(page);
    if (errors.length > 0) throw new Error(`errors in the page: ${errors.join('; ')}`);
    passed++;
    console.log(`  ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`  FAIL ${name}\n       ${String(e?.message ?? e).split('\n').join('\n       ')}`);
    await page.screenshot({ path: join(artifacts, `FAILED-${name.replace(/[^a-z0-9]+/gi, '-')}.png`) }).catch(() => {});
  } finally {
    await page.close();
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function signIn(page, token = forwarder, server = base) {
  await page.goto(`${server}/`);
  await page.getByLabel('Party token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header .who').waitFor();
}

async function mapReady(page) {
  await page.locator('#map[data-map-ready="true"]').waitFor({ timeout: 30_000 });
}

async function pick(page, label, text, locode) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill(text);
  await page.locator(`[role=option][data-locode="${locode}"]`).waitFor();
  // The keyboard way: arrow to the option, Enter to choose.
  for (let i = 0; i < 10; i++) {
    const active = await input.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`#${active}`).getAttribute('data-locode')) === locode) break;
    await input.press('ArrowDown');
  }
  await input.press('Enter');
  check((await input.inputValue()).includes(`(${locode})`), `${label}: ${locode} was not chosen (${await input.inputValue()})`);
}

async function plan(page, avoid = []) {
  await page.getByRole('link', { name: 'Plan' }).click();
  await pick(page, 'From', 'Chongqing', 'CNCKG');
  await pick(page, 'To', 'duisb', 'DEDUI');
  for (const c of avoid) await page.locator(`input[name=avoid][value=${c}]`).check();
  await page.getByRole('button', { name: 'Compare routes' }).click();
  await page.locator('button[data-itinerary]').first().waitFor({ timeout: 60_000 });
}

async function routeOnMap(page) {
  await page.locator('#map[data-itinerary-rendered]').waitFor({ timeout: 30_000 });
  const drawn = Number(await page.locator('#map').getAttribute('data-itinerary-rendered'));
  check(drawn > 0, `the chosen route is not drawn on the map (${drawn} features rendered)`);
}

console.log('e2e: dashboard specs against', base);

/** A JSON call to a Caravan server with a token; throws with the problem's text unless the status is `expect`. */
async function call(server, token, method, path, body, expect = [200, 201, 202]) {
  const headers = { Authorization: `Bearer ${token}` };
  let payload;
  if (body?.bytes !== undefined) {
    headers['Content-Type'] = body.type;
    payload = body.bytes;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(server + path, { method, headers, body: payload });
  const text = await response.text();
  if (!expect.includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Waits until `probe` answers something truthy, polling every `every` ms; fails after `ms` with `what`. */
async function eventually(probe, what, ms = 30_000, every = 500) {
  const until = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > until) throw new Error(`gave up after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

const simulated = (s) => s.consignment.goodsDescription.includes('(simulated)');

await spec('a wrong token is refused with a message, the demo token signs in and the corridor map renders', async (page) => {
  await page.goto(`${base}/`);
  check(new URL(page.url()).pathname === '/sign-in', `expected the sign-in page, got ${page.url()}`);
  await page.screenshot({ path: join(artifacts, 'sign-in.png') });
  await page.getByLabel('Party token').fill('x'.repeat(43));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'does not know this token' }).waitFor();
  await signIn(page);
  check((await page.locator('header .who').getAttribute('data-party')) === 'demo-forwarder', 'the header does not name the demo forwarder');
  await mapReady(page);
  const stored = await page.evaluate(() => sessionStorage.getItem('caravan.token'));
  check(stored === forwarder, 'the token is not kept in sessionStorage');
  await page.screenshot({ path: join(artifacts, 'corridor-map.png') });
});

// Early in the suite: the demo replays its trackers' last two days at 600× for about five minutes after the server
// starts, so a container reports every few seconds now; later it reports every 15 minutes, in real time.
await spec('the live corridor shows the demo containers, counts them by corridor and leg, and a tracker moves its marker', async (page) => {
  await signIn(page);
  await mapReady(page);
  await page.getByRole('link', { name: 'Live', exact: true }).click();
  await page.getByRole('heading', { name: 'Live corridor' }).waitFor();
  await page.locator('.connection[data-state=live]').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => Number(document.getElementById('map')?.dataset.liveMarkers ?? 0) >= 5, null, { timeout: 90_000 });
  await page.waitForFunction(() => Number(document.getElementById('map')?.dataset.liveRendered ?? 0) > 0, null, { timeout: 30_000 });
  await page.locator('table.counts tr.corridor').first().waitFor({ timeout: 30_000 });
  const legs = await page.locator('table.counts tr.leg').count();
  check(legs >= 1, 'no container is counted on a leg');
  await page.getByRole('heading', { name: /^Alerts \(\d+ unresolved\)$/ }).waitFor();
  await page.screenshot({ path: join(artifacts, 'live-corridor.png') });

  // Follow the container that reported last, by keyboard, and watch it move.
  const container = (await page.locator('ul.recent button').first().innerText()).trim();
  check(/^[A-Z]{4}\d{7}$/.test(container), `the latest reports do not list a container number (${container})`);
  const follow = page.getByRole('searchbox', { name: 'Follow a container' });
  await follow.fill(container);
  await follow.press('Enter');
  const details = page.locator('.followed .container-details');
  await details.waitFor();
  const first = { lon: await details.getAttribute('data-lon'), lat: await details.getAttribute('data-lat') };
  check((await details.innerText()).includes(container), 'the followed container is not the one asked for');
  await page.waitForFunction(() => Boolean(document.getElementById('map')?.dataset.followedDrawnAt), null, { timeout: 30_000 });
  await page.waitForFunction(
    ({ lon, lat }) => {
      const d = document.querySelector('.followed .container-details');
      return d && (d.getAttribute('data-lon') !== lon || d.getAttribute('data-lat') !== lat);
    },
    first,
    { timeout: 120_000 },
  );
  const second = { lon: await details.getAttribute('data-lon'), lat: await details.getAttribute('data-lat') };
  // The ring drawn around the followed container is where the feed put it (to the renderer's precision).
  await page.waitForFunction(
    ({ lon, lat }) => {
      const at = document.getElementById('map')?.dataset.followedDrawnAt?.split(',').map(Number);
      return at && Math.abs(at[0] - Number(lon)) < 0.01 && Math.abs(at[1] - Number(lat)) < 0.01;
    },
    second,
    { timeout: 30_000 },
  ).catch(() => {
    throw new Error(`the followed marker is not drawn at ${second.lon},${second.lat}`);
  });
  await page.screenshot({ path: join(artifacts, 'live-followed.png') });

  // An open alert can be acknowledged from the panel (the demo's trackers raise some, but not on a timetable).
  const ack = page.getByRole('button', { name: /^Acknowledge alert/ }).first();
  if (await ack.count()) {
    const id = await ack.getAttribute('data-ack');
    await ack.click();
    await page.locator(`[data-alert="${id}"].acknowledged`).waitFor();
  }

  // Usable at tablet width.
  await page.setViewportSize({ width: 820, height: 1180 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `the live page is ${overflow}px wider than the viewport`);
  await page.screenshot({ path: join(artifacts, 'live-tablet.png'), fullPage: true });
});

await spec('the corridor map finds a terminal by name and shows its LOCODE, dwell and services', async (page) => {
  await signIn(page);
  await mapReady(page);
  await pick(page, 'Find a terminal', 'Aktau', 'KZAKT');
  const details = page.locator('.details .terminal-details');
  await details.waitFor();
  const text = await details.innerText();
  for (const expected of ['KZAKT', 'Dwell P50 / P90', 'Services']) check(text.includes(expected), `terminal details lack "${expected}": ${text}`);
  await page.locator('.maplibregl-popup .terminal-details').waitFor();
  await page.screenshot({ path: join(artifacts, 'corridor-terminal.png') });
});

await spec('plan Chongqing → Duisburg: the Pareto chart, the list and the route on the map', async (page) => {
  await signIn(page);
  await mapReady(page);
  await plan(page);
  const count = await page.locator('button[data-itinerary]').count();
  check(count >= 2, `expected several itineraries, got ${count}`);
  const points = await page.locator('#pareto svg path').count();
  check(points >= count, `the Pareto chart shows ${points} marks for ${count} itineraries`);
  check((await page.locator('button[data-itinerary][aria-pressed=true]').count()) === 1, 'no itinerary is chosen');
  await routeOnMap(page);
  const rows = await page.locator('.timeline li').count();
  check(rows >= 2, 'the leg timeline is empty');
  const title = await page.locator('.itineraries time').first().getAttribute('title');
  check(/UTC$/.test(title ?? ''), `times do not carry UTC on hover (title=${title})`);
  await page.screenshot({ path: join(artifacts, 'plan-chongqing-duisburg.png') });
  // Choosing another itinerary redraws it.
  const second = page.locator('button[data-itinerary]').nth(1);
  await second.click();
  check((await second.getAttribute('aria-pressed')) === 'true', 'the second itinerary was not chosen');
  const id = await second.getAttribute('data-itinerary');
  await page.locator(`#map[data-itinerary="${id}"][data-itinerary-rendered]`).waitFor();
});

await spec('plan avoiding Russia: only routes that do not cross RU', async (page) => {
  await signIn(page);
  await mapReady(page);
  await plan(page, ['RU']);
  const all = await page.locator('button[data-itinerary]').evaluateAll((bs) => bs.map((b) => b.dataset.countries));
  check(all.length >= 1, 'no itinerary avoids Russia');
  const through = all.filter((c) => c.split(',').includes('RU'));
  check(through.length === 0, `${through.length} of ${all.length} itineraries cross RU: ${through.join(' | ')}`);
  await routeOnMap(page);
  await page.screenshot({ path: join(artifacts, 'plan-avoid-russia.png') });
});

await spec('book the chosen itinerary as the demo forwarder', async (page) => {
  await signIn(page);
  await mapReady(page);
  await plan(page);
  await page.getByLabel('Consignee (party id)').fill('demo-consignee');
  await page.getByLabel('Goods description').fill('Laptop computers');
  await page.getByLabel('HS code').fill('8471.30');
  await page.getByLabel('Packages').fill('120');
  await page.getByLabel('Gross mass (kg)').fill('9800.5');
  const containers = page.getByLabel(/Container numbers/);
  await containers.fill('CSQU3054384');
  await page.getByRole('button', { name: 'Book this itinerary' }).click();
  await page.getByRole('alert').filter({ hasText: 'check digit' }).waitFor();
  await containers.fill('CSQU3054383');
  await page.getByRole('button', { name: 'Book this itinerary' }).click();
  const booked = page.locator('[data-shipment]');
  await booked.waitFor({ timeout: 30_000 });
  check(/^CRV-[0-9A-Z]{10}$/.test((await booked.getAttribute('data-shipment')) ?? ''), 'no shipment id after booking');
  await page.screenshot({ path: join(artifacts, 'plan-booked.png') });
});

await spec('a dashboard address opens directly, and the API keeps its own 404s', async (page) => {
  await signIn(page);
  await page.goto(`${base}/plan`);
  await page.getByRole('heading', { name: 'Plan a route' }).waitFor();
  const api = await page.request.get(`${base}/api/no-such-thing`);
  check(api.status() === 404 && api.headers()['content-type'].startsWith('application/problem+json'), `an unknown API path answered ${api.status()} ${api.headers()['content-type']}`);
});

await spec('usable at tablet width: the plan page fits without sideways scrolling', async (page) => {
  await signIn(page);
  await mapReady(page);
  await plan(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `the page is ${overflow}px wider than the viewport`);
  await page.screenshot({ path: join(artifacts, 'plan-tablet.png'), fullPage: true });
}, { width: 820, height: 1180 });

// The shipments list and page (issue 5, item 4).
async function shipmentSpecs() {
  const shipments = await call(base, forwarder, 'GET', '/api/shipments');
  // A seeded demo shipment with a history: documents, an alert and a tracker are added to it here.
  const seeded = shipments.find((s) => !simulated(s) && s.status === 'inTransit') ?? shipments.find((s) => !simulated(s));
  const container = seeded.containers[0].number;

  await spec('the shipments list filters by status, finds a container, and opens a shipment from the keyboard', async (page) => {
    // A document, and a tracker that reports a hard shock (an open alert) near Aktau.
    const note = `%PDF-1.4\n% CIM/SMGS consignment note for ${seeded.id} (e2e)\n%%EOF\n`;
    await call(base, forwarder, 'POST', `/api/shipments/${seeded.id}/documents?name=cim-smgs.pdf`, { bytes: note, type: 'application/pdf' });
    const device = `e2e-list-${Date.now()}`;
    const registered = await call(base, forwarder, 'POST', '/api/devices', { id: device, kind: 'gps-tracker' });
    const now = Date.now();
    await call(base, forwarder, 'POST', `/api/devices/${device}/bindings`, { shipment: seeded.id, container, from: new Date(now - 3_600_000).toISOString() });
    const reading = (ms, shock) => ({ time: new Date(now - ms).toISOString().replace(/\.\d+Z$/, 'Z'), lat: 43.65, lon: 51.17, shock });
    await call(base, registered.token, 'POST', '/api/telemetry', [reading(120_000, 0.2), reading(60_000, 7.5)]);
    await eventually(async () => (await call(base, forwarder, 'GET', `/api/alerts?shipment=${seeded.id}&kind=shock&state=open`)).length > 0, 'the shock alert');

    await signIn(page);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Shipments' }).click();
    const rows = page.locator('table.shipments tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    check((await rows.count()) === shipments.length, `the list shows ${await rows.count()} shipments, the API ${shipments.length}`);
    const row = page.locator(`tr[data-shipment="${seeded.id}"]`);
    check(Number(await row.locator('td.alerts').getAttribute('data-alerts')) >= 1, 'the shipment with an open alert shows no alert count');
    const arrivalTitle = await row.locator('td.arrival time').first().getAttribute('title');
    check(/UTC$/.test(arrivalTitle ?? ''), `the arrival carries no UTC time on hover (${arrivalTitle})`);
    await page.screenshot({ path: join(artifacts, 'shipments-list.png') });

    // Filter by status: only that status, as many as the API says.
    const status = page.getByLabel('Status', { exact: true });
    await status.selectOption('delivered');
    const delivered = shipments.filter((s) => s.status === 'delivered').length;
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.status));
    check(shown.length === delivered && shown.every((s) => s === 'delivered'), `filtering by delivered shows ${shown.join(',')} (the API has ${delivered})`);
    await status.selectOption('');

    // Search by container number, then Enter moves to the result and Enter opens it.
    const search = page.getByLabel('Search', { exact: true });
    await search.fill(container.toLowerCase());
    await eventually(async () => (await rows.count()) === 1, 'one row for the container', 5_000, 100);
    check((await rows.first().getAttribute('data-shipment')) === seeded.id, 'the search by container found another shipment');
    check(new URL(page.url()).search.includes(`q=${container.toLowerCase()}`), `the search is not in the address (${page.url()})`);
    await search.press('Enter');
    check(await page.evaluate(() => document.activeElement?.classList.contains('shipment-link')), 'Enter in the search did not move to the result');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/shipments/${seeded.id}`);

    // The page: timeline with every entry and its signer, chain verified, the tracker on the map, documents, alerts.
    const entries = await call(base, forwarder, 'GET', `/api/shipments/${seeded.id}/events`);
    const items = page.locator('.event-timeline li.event');
    await page.locator('[data-chain="intact"]').waitFor({ timeout: 30_000 });
    check((await items.count()) >= entries.filter((e) => e.event.eventClassifierCode === 'ACT').length, 'the timeline lacks actual events');
    await page.getByLabel('Show superseded estimates').check();
    check((await items.count()) === entries.length, `the timeline shows ${await items.count()} of ${entries.length} entries`);
    for (const e of entries) {
      const li = page.locator(`#entry-${e.sequence}`);
      check((await li.getAttribute('data-author')) === e.author.partyID && (await li.getAttribute('data-kid')) === e.author.kid, `entry ${e.sequence} does not show its signer ${e.author.partyID} / ${e.author.kid}`);
      check((await li.getAttribute('data-check')) === 'verified', `entry ${e.sequence} is not shown verified`);
      check((await li.innerText()).includes(e.author.kid.slice(0, 8)), `entry ${e.sequence} does not show its key id`);
    }
    const act = page.locator('li.event.act').first();
    check(/UTC$/.test((await act.locator('time').first().getAttribute('title')) ?? ''), 'event times carry no UTC time on hover');
    const est = page.locator('li.event.est').first();
    if (entries.some((e) => e.event.eventClassifierCode === 'EST')) {
      const styles = async (l) => l.evaluate((el) => `${getComputedStyle(el).borderLeftStyle} ${getComputedStyle(el).fontStyle}`);
      check((await styles(act)) !== (await styles(est)), `EST and ACT look the same (${await styles(act)})`);
    }
    await page.locator(`.container-marker[data-container="${container}"]`).waitFor({ timeout: 10_000 });
    await page.locator(`.positions li[data-container="${container}"][data-seen]`).waitFor();
    await page.locator('#map[data-itinerary-rendered]').waitFor({ timeout: 30_000 });
    await page.locator('[data-live="open"]').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(artifacts, 'shipment-detail.png') });

    const documentItem = page.locator('ul.documents li').filter({ hasText: 'cim-smgs.pdf' });
    const [download] = await Promise.all([page.waitForEvent('download'), documentItem.getByRole('button', { name: 'Download cim-smgs.pdf' }).click()]);
    check(download.suggestedFilename() === 'cim-smgs.pdf', `the download is named ${download.suggestedFilename()}`);
    const got = readFileSync(await download.path(), 'utf8');
    check(got === note, `the downloaded document differs: ${JSON.stringify(got)}`);

    const shock = page.locator('ul.alerts li[data-state="open"]').filter({ hasText: 'Shock' }).first();
    await shock.getByRole('button', { name: /Acknowledge alert/ }).click();
    await page.locator('ul.alerts li[data-state="acknowledged"]').filter({ hasText: 'Shock' }).first().waitFor();
    await page.screenshot({ path: join(artifacts, 'shipment-detail-acknowledged.png'), fullPage: true });
  });

  await spec('usable at tablet width: the shipments list and a shipment fit without sideways scrolling', async (page) => {
    await signIn(page);
    await page.goto(`${base}/shipments`);
    await page.locator('table.shipments tbody tr').first().waitFor({ timeout: 30_000 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check((await overflow()) <= 0, `the list is ${await overflow()}px wider than the viewport`);
    await page.screenshot({ path: join(artifacts, 'shipments-tablet.png'), fullPage: true });
    await page.goto(`${base}/shipments/${seeded.id}`);
    await page.locator('.event-timeline li.event').first().waitFor({ timeout: 30_000 });
    check((await overflow()) <= 0, `the shipment page is ${await overflow()}px wider than the viewport`);
    await page.screenshot({ path: join(artifacts, 'shipment-tablet.png'), fullPage: true });
  }, { width: 820, height: 1180 });

  await spec("a party cannot open another party's shipment: the page says 404, not a blank", async (page) => {
    const foreign = shipments.find((s) => !s.parties.some((p) => p.party === 'demo-consignee'));
    check(foreign, 'the demo has no shipment without the demo consignee');
    await signIn(page, tokens['demo-consignee']);
    await page.goto(`${base}/shipments/${foreign.id}`);
    const problem = page.getByRole('alert').filter({ hasText: '404' });
    await problem.waitFor({ timeout: 30_000 });
    const text = await problem.innerText();
    check(text.includes(foreign.id) && /holds? a role/.test(text), `the message does not say why: ${text}`);
    check((await page.locator('.event-timeline').count()) === 0, 'the other party’s timeline is shown');
    await page.screenshot({ path: join(artifacts, 'shipment-not-yours.png') });
    // The consignee's own list does not offer it either.
    await page.getByRole('link', { name: '← All shipments' }).click();
    await page.locator('table.shipments tbody tr, .list-status .status.info').first().waitFor({ timeout: 30_000 });
    check((await page.locator(`tr[data-shipment="${foreign.id}"]`).count()) === 0, 'the consignee’s list shows another party’s shipment');
  });

  // Fast demo trackers on a server of these specs' own: 10 days replayed at 6,000× (about 2.5 minutes).
  if (only && !only.test('a demo tracker arrives') && !only.test('a chain altered')) return;
  let second = null;
  try {
    second = await startDemoServer({ trackers: 3, speed: 6000, replayDays: 10 });
    servers.push(second.url);
  } catch (e) {
    console.log(`  FAIL the second demo server did not start\n       ${e.message.split('\n').join('\n       ')}`);
    failed++;
    return;
  }
  const fwd2 = second.tokens['demo-forwarder'];
  try {
    await spec('a demo tracker moves its marker live and the platform’s ARRI is in the shipment’s timeline, signed by the platform', async (page) => {
      const started = Date.now();
      await signIn(page, fwd2, second.url);
      const tried = [];
      for (let attempt = 0; attempt < 8 && tried.length < 4; attempt++) {
        const moving = (await call(second.url, fwd2, 'GET', '/api/shipments')).filter((s) => simulated(s) && s.status === 'inTransit' && !tried.includes(s.id));
        if (moving.length === 0) {
          await new Promise((r) => setTimeout(r, 2000));
          continue;
        }
        const s = moving[0];
        tried.push(s.id);
        await page.goto(`${second.url}/shipments/${s.id}`);
        await page.locator('[data-live="open"]').waitFor({ timeout: 30_000 });
        const marker = page.locator('.container-marker').first();
        await marker.waitFor({ timeout: 30_000 });
        const where = () => marker.evaluate((el) => `${el.dataset.lat},${el.dataset.lon}`);
        const first = await where();
        const before = await page.locator('li.event').evaluateAll((lis) => Math.max(0, ...lis.map((li) => Number(li.dataset.sequence))));
        // The tracker reports every simulated 15 minutes moving, every hour standing (with GPS noise): seconds at 6,000×.
        const moved = await eventually(async () => (await where()) !== first, `the marker of ${s.id} to move`, 30_000, 250).catch(() => false);
        if (!moved) continue; // a silent tracker (one in ten): watch another
        // The page is not reloaded: an ARRI recorded from now on arrives over the live feed.
        const arrival = page.locator('li.event[data-code="ARRI"][data-classifier="ACT"][data-author="caravan"]');
        const seq = await eventually(async () => (await arrival.evaluateAll((lis) => lis.map((li) => Number(li.dataset.sequence))))[0], `a platform ARRI in the timeline of ${s.id}`, 120_000, 250);
        const entry = await call(second.url, fwd2, 'GET', `/api/shipments/${s.id}/events/${seq}`);
        const li = page.locator(`#entry-${seq}`);
        check(entry.author.partyID === 'caravan' && entry.event.transportEventTypeCode === 'ARRI' && entry.event.eventClassifierCode === 'ACT', `entry ${seq} is not the platform's ARRI`);
        check((await li.getAttribute('data-kid')) === entry.author.kid, 'the ARRI does not show the telematics key that signed it');
        check((await li.innerText()).includes('Caravan platform'), 'the ARRI does not say the platform signed it');
        const live = seq > before ? 'appeared live' : 'was recorded before the page opened';
        console.log(`  info (ARRI entry ${seq} on ${s.id} ${live}; ${Math.round((Date.now() - started) / 1000)} s after the second server started; ${tried.length} shipment(s) watched)`);
        await li.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(artifacts, 'shipment-live-arri.png') });
        return;
      }
      throw new Error(`no moving tracker's marker moved on ${tried.join(', ') || 'any shipment (none in transit)'}`);
    });

    await spec('a chain altered in the database shows as broken at the entry that breaks it', async (page) => {
      const list = await call(second.url, fwd2, 'GET', '/api/shipments');
      let victim = null;
      for (const s of list.filter((x) => !simulated(x))) {
        const events = await call(second.url, fwd2, 'GET', `/api/shipments/${s.id}/events`);
        if (events.length >= 5) {
          victim = { id: s.id, count: events.length };
          break;
        }
      }
      check(victim, 'no seeded shipment with five entries');
      const broken = 3;
      const changed = tamperEntry(second.database, victim.id, broken);
      const verify = await call(second.url, fwd2, 'GET', `/api/shipments/${victim.id}/verify`);
      check(!verify.intact && verify.firstBroken.sequence === broken, `the server's /verify says ${JSON.stringify(verify)}`);
      await signIn(page, fwd2, second.url);
      await page.goto(`${second.url}/shipments/${victim.id}`);
      const state = page.locator('[data-chain="broken"]');
      await state.waitFor({ timeout: 30_000 });
      check((await state.getAttribute('data-broken-at')) === String(broken), `the page puts the break at ${await state.getAttribute('data-broken-at')}`);
      check((await state.innerText()).includes(`entry ${broken}`), `the summary does not name entry ${broken}: ${await state.innerText()}`);
      await page.getByLabel('Show superseded estimates').check();
      const checks = await page.locator('li.event').evaluateAll((lis) => Object.fromEntries(lis.map((li) => [li.dataset.sequence, li.dataset.check])));
      for (let n = 1; n <= victim.count; n++) {
        const want = n < broken ? 'verified' : n === broken ? 'broken' : 'unchecked';
        check(checks[n] === want, `entry ${n} is shown ${checks[n]}, not ${want}`);
      }
      const at = page.locator(`#entry-${broken}`);
      check((await at.innerText()).includes('breaks here'), 'the broken entry does not say the chain breaks there');
      await page.getByRole('link', { name: `Go to entry ${broken}` }).click();
      await at.scrollIntoViewIfNeeded();
      console.log(`       (entry ${broken} of ${victim.id}: eventDateTime ${changed})`);
      await page.screenshot({ path: join(artifacts, 'shipment-chain-broken.png') });
    });
  } finally {
    await second.stop();
  }
}

await shipmentSpecs();

await spec('nothing was fetched from outside the server', async () => {
  check(outside.length === 0, `requests left the machine: ${[...new Set(outside)].join(', ')}`);
});

await chromium.close();
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
