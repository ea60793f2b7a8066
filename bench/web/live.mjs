// Frame rate of the Live corridor page with 10,000 containers each reporting once a second, in headless Chromium.
// Run by bench/web/run (after the bundle size and first render), against `caravan serve --demo` on localhost.
//
// The feed is synthetic and injected into the page's own update path: the page opens as /live?feed=synthetic, which
// does not connect to /api/live but takes event-stream text through window.caravanLiveFeed.push — the same parser,
// position reduction, leg placement, per-frame batching, setData and clustering as the real feed. Once a second a
// generator in a Web Worker writes 10,000 `position` events (as the server would: `event: position`, JSON data) in
// 64 KB pieces, as network reads arrive, and the page's main thread pushes each piece into the feed. The 10,000 containers belong to 500 shipments cloned from
// the demo forwarder's real shipments (their real itineraries and corridors), served to the page in place of
// GET /api/shipments; each moves along its itinerary's terminals. First the idle page's frame rate is measured: on a
// shared machine it says how much of the CPU the browser had.
import { readFileSync } from 'node:fs';
import { launchChromium } from '../../tests/e2e/browser.mjs';

const base = process.env.CARAVAN_URL;
const token = JSON.parse(readFileSync(process.env.CARAVAN_TOKENS, 'utf8'))['demo-forwarder'];
const MARKERS = Number(process.env.CARAVAN_LIVE_MARKERS ?? 10_000);
const PER_SHIPMENT = 20;
const SECONDS = Number(process.env.CARAVAN_LIVE_SECONDS ?? 20);
const auth = { Authorization: `Bearer ${token}` };

const real = await (await fetch(`${base}/api/shipments`, { headers: auth })).json();
const network = await (await fetch(`${base}/api/network`, { headers: auth })).json();
const at = new Map(network.features.filter((f) => f.properties.featureType === 'terminal').map((f) => [f.properties.locode, f.geometry.coordinates]));
const routed = real.filter((s) => s.itinerary.legs.every((l) => at.has(l.from) && at.has(l.to)));
if (routed.length === 0) throw new Error('the demo forwarder has no shipment with a routable itinerary');

const shipments = [];
const paths = [];
for (let i = 0; i < Math.ceil(MARKERS / PER_SHIPMENT); i++) {
  const model = routed[i % routed.length];
  const id = `CRV-BENCH${String(i).padStart(5, '0')}`;
  shipments.push({ ...model, id });
  const legs = model.itinerary.legs;
  paths.push([at.get(legs[0].from), ...legs.map((l) => at.get(l.to))]);
}
console.log(`live: ${MARKERS} containers on ${shipments.length} shipments cloned from ${routed.length} demo shipments (${new Set(routed.map((s) => s.itinerary.corridor)).size} corridors)`);

const chromium = await launchChromium();
const page = await chromium.context.newPage();
await page.addInitScript((t) => sessionStorage.setItem('caravan.token', t), token);
await page.route(`${base}/api/shipments`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(shipments) }));
await page.route(`${base}/api/live/positions`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"positions":[]}' }));
await page.goto(`${base}/live?feed=synthetic`);
await page.locator('#map[data-map-ready="true"]').waitFor({ timeout: 60_000 });
await page.waitForFunction(() => window.caravanLiveFeed !== undefined, null, { timeout: 30_000 });
await page.locator('.summary').waitFor();

// Before any marker: how many frames the browser gets on this machine with the page idle (the machine's share).
const idle = await measure('idle, no markers yet', 0);
// The map redrawn in every frame, still without markers: what Chromium's software WebGL can draw here at best.
const repainting = await measure('no markers, the map redrawn every frame', 0, true);

// The generator, in a Web Worker (as the network would deliver the bytes, off the page's main thread): once a second a
// position for every container, moved a little along its shipment's path, posted as event-stream text in 64 KB pieces
// that the main thread pushes into the page's feed — parsing onwards is the page's own code, on its main thread.
await page.evaluate(
  ({ paths, markers, perShipment }) => {
    const source = `
      const { paths, markers, perShipment } = ${JSON.stringify({ paths, markers, perShipment })};
      const devices = [];
      for (let i = 0; i < markers; i++) {
        const s = Math.floor(i / perShipment);
        devices.push({ id: 'bench-' + i, shipment: 'CRV-BENCH' + String(s).padStart(5, '0'), container: 'BNCU' + String(i).padStart(7, '0'), path: paths[s], f: (i * 0.618) % 1, v: 0.0005 + (i % 7) * 0.0001 });
      }
      const pointAt = (path, f) => {
        const x = f * (path.length - 1);
        const k = Math.min(Math.floor(x), path.length - 2);
        const t = x - k;
        return [path[k][0] + (path[k + 1][0] - path[k][0]) * t, path[k][1] + (path[k + 1][1] - path[k][1]) * t];
      };
      let second = Math.floor(Date.now() / 1000) - 3600;
      const tick = () => {
        second++;
        const time = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
        let text = '';
        for (const d of devices) {
          d.f = (d.f + d.v) % 1;
          const [lon, lat] = pointAt(d.path, d.f);
          text += 'event: position\\ndata: ' + JSON.stringify({ device: d.id, shipment: d.shipment, container: d.container, reading: { time, lat, lon, speed: 60, heading: 270 } }) + '\\n\\n';
          if (text.length > 65536) { postMessage(text); text = ''; }
        }
        postMessage(text);
        postMessage(null);
      };
      tick();
      setInterval(tick, 1000);
    `;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    worker.onerror = (e) => {
      document.getElementById('map').dataset.benchError = e.message;
    };
    window.benchFeedMs = 0;
    window.benchTicks = 0;
    worker.onmessage = (e) => {
      if (e.data === null) {
        window.benchTicks++;
        return;
      }
      const started = performance.now();
      window.caravanLiveFeed.push(e.data);
      window.benchFeedMs += performance.now() - started;
    };
    window.benchWorker = worker;
  },
  { paths, markers: MARKERS, perShipment: PER_SHIPMENT },
);
await page.waitForFunction((n) => Number(document.getElementById('map')?.dataset.liveMarkers ?? 0) >= n || document.getElementById('map')?.dataset.benchError, MARKERS, { timeout: 120_000 });
const failed = await page.locator('#map').getAttribute('data-bench-error');
if (failed) throw new Error(`the feed generator failed: ${failed}`);

async function measure(label, settle = 3000, repaint = false) {
  await page.waitForTimeout(settle);
  const r = await page.evaluate(async ([ms, repaint]) => {
    let frames = 0;
    let running = true;
    const frame = () => {
      frames++;
      if (repaint) window.caravanLiveFeed.repaint();
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const map = document.getElementById('map');
    const draws0 = Number(map.dataset.liveDraws);
    const feed0 = window.benchFeedMs;
    const ticks0 = window.benchTicks;
    const t0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, ms));
    running = false;
    const seconds = (performance.now() - t0) / 1000;
    const ticks = window.benchTicks - ticks0;
    return {
      fps: frames / seconds,
      draws: (Number(map.dataset.liveDraws) - draws0) / seconds,
      markers: Number(map.dataset.liveMarkers),
      feedMs: ticks > 0 ? (window.benchFeedMs - feed0) / ticks : NaN,
      ticks,
      seconds,
    };
  }, [SECONDS * 1000, repaint]);
  const feed = Number.isFinite(r.ticks) && r.ticks > 0
    ? `, ${r.ticks} feed ticks of ${MARKERS} positions (${r.feedMs.toFixed(0)} ms each to parse and reduce on the main thread), ${r.draws.toFixed(2)} setData/s`
    : '';
  console.log(`live ${label}: ${r.fps.toFixed(1)} fps over ${r.seconds.toFixed(1)} s (requestAnimationFrame count), ${r.markers || 0} markers${feed}`);
  return r;
}

const overview = await measure('zoomed out (clustered)');
// Zoomed in past the clustering: following a container jumps to zoom 7 around it, where markers are drawn one by one.
await page.getByRole('searchbox', { name: 'Follow a container' }).fill('BNCU0000000');
await page.getByRole('searchbox', { name: 'Follow a container' }).press('Enter');
await page.locator('.followed .container-details').waitFor();
const zoomed = await measure('zoomed in, following one container (markers unclustered)');
await page.evaluate(() => window.benchWorker.terminate());
await chromium.close();
const worst = Math.min(overview.fps, zoomed.fps);
console.log(`live: on this machine at the time the idle page had ${idle.fps.toFixed(1)} fps, and ${repainting.fps.toFixed(1)} fps redrawing the map in every frame without markers`);
console.log(`live: ${worst >= 20 ? 'within' : 'OVER'} the budget of >= 20 fps (lowest ${worst.toFixed(1)} fps)`);
