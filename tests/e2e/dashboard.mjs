// Browser specs of the dashboard, run by tests/e2e/run against a real `caravan serve --demo`.
// playwright-core (web/node_modules) drives Debian's Chromium; each spec saves a screenshot in CARAVAN_ARTIFACTS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';

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

async function spec(name, body, viewport = { width: 1366, height: 900 }) {
  // CARAVAN_E2E_ONLY=text runs only the specs whose name contains it (while working on one).
  if (process.env.CARAVAN_E2E_ONLY && !name.includes(process.env.CARAVAN_E2E_ONLY)) return;
  // A new tab per spec: sessionStorage, and so the sign-in, starts empty.
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // No request may leave the machine: the dashboard works offline (Natural Earth and the libraries are bundled).
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url());
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

async function signIn(page, token = forwarder) {
  await page.goto(`${base}/`);
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

await spec('nothing was fetched from outside the server', async () => {
  check(outside.length === 0, `requests left the machine: ${[...new Set(outside)].join(', ')}`);
});

await chromium.close();
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
