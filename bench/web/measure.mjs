// Measures the dashboard: bytes of JavaScript the first page load needs (gzip -9, as a server would send them), and
// time from navigation to the corridor map's first complete render (MapLibre 'idle' after the basemap and network
// are drawn), median of N fresh tabs. Run by bench/web/run.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../tests/e2e/browser.mjs';

const runs = Number(process.argv[2] ?? 7);
const base = process.env.CARAVAN_URL;
const wwwroot = process.env.CARAVAN_WWWROOT;
const token = JSON.parse(readFileSync(process.env.CARAVAN_TOKENS, 'utf8'))['demo-forwarder'];

// Initial JavaScript: the entry script and what it preloads (index.html), not the chunks loaded on demand.
const html = readFileSync(join(wwwroot, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(join(wwwroot, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const initialGzip = initial.reduce((sum, f) => sum + gz(f), 0);
console.log(`initial JavaScript: ${initial.length} files, ${kb(initialGzip)} gzip`);
for (const f of initial) console.log(`  ${f}: ${kb(gz(f))} gzip`);
const all = readdirSync(join(wwwroot, 'assets')).filter((f) => /\.(m?js|json|css)$/.test(f));
console.log('every asset (gzip):');
for (const f of all.sort()) console.log(`  ${f}: ${kb(gz(join('assets', f)))}`);

const chromium = await launchChromium();
const times = [];
const steps = [];
for (let i = 0; i < runs; i++) {
  const page = await chromium.context.newPage();
  await page.addInitScript((t) => sessionStorage.setItem('caravan.token', t), token);
  await page.goto(`${base}/`);
  const map = page.locator('#map[data-rendered-at-ms]');
  await map.waitFor({ timeout: 60_000 });
  times.push(Number(await map.getAttribute('data-rendered-at-ms')));
  steps.push(
    await page.evaluate(() => {
      const at = (name) => Math.round(performance.getEntriesByName(name)[0]?.startTime ?? NaN);
      const network = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/network'));
      return { dom: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd), network: Math.round(network?.responseEnd ?? NaN), style: at('caravan:map-load'), basemap: at('caravan:basemap'), added: at('caravan:network') };
    }),
  );
  await page.close();
}
await chromium.close();
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`first map render (navigation → map idle), ${runs} fresh tabs: median ${median} ms, min ${sorted[0]} ms, max ${sorted.at(-1)} ms`);
console.log(`  runs: ${times.join(', ')} ms`);
console.log('  where the time goes (ms since navigation: DOM ready, /api/network answered, map style loaded, basemap read by MapLibre\'s worker, network added to the map, idle):');
for (const [i, s] of steps.entries()) console.log(`    ${s.dom}, ${s.network}, ${s.style}, ${s.basemap}, ${s.added}, ${times[i]}`);
const med = (key) => [...steps.map((s) => s[key])].sort((a, b) => a - b)[Math.floor(steps.length / 2)];
console.log(`  medians: DOM ${med('dom')}, network ${med('network')}, style ${med('style')}, basemap ${med('basemap')}, network added ${med('added')}, idle ${median}`);
