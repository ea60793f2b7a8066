// Debian's Chromium through playwright-core (from web/node_modules), as the dashboard suite and its benchmark run it.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

/** Chromium headless on a fresh profile (Playwright passes it as --user-data-dir); close() also removes the profile. */
export async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'caravan-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CARAVAN_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    timezoneId: 'Asia/Almaty',
    locale: 'en-GB',
    viewport: { width: 1366, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      // WebGL for MapLibre without a GPU: Chromium's software renderer.
      '--enable-unsafe-swiftshader',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
