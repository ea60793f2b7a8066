import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { mapBasemap } from './src/basemap.ts';

/**
 * The basemap, built with the bundle: Natural Earth's countries at 1:110m (world-atlas) as one GeoJSON file of
 * countries and borders, rounded to 0.01°, under a content hash in assets/. `import url from 'virtual:caravan-basemap'`
 * gives its address. The page hands that address to MapLibre, whose worker fetches and parses it off the main thread.
 */
function basemapAsset(): Plugin {
  const require = createRequire(import.meta.url);
  let json: string | null = null;
  const source = () => {
    json ??= JSON.stringify(mapBasemap(JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'))));
    return json;
  };
  const fileName = () => `assets/basemap-${createHash('sha256').update(source()).digest('hex').slice(0, 10)}.json`;
  const id = 'virtual:caravan-basemap';
  return {
    name: 'caravan-basemap',
    resolveId: (request) => (request === id ? `\0${id}` : null),
    load: (resolved) => (resolved === `\0${id}` ? `export default ${JSON.stringify(`/${fileName()}`)};` : null),
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: fileName(), source: source() });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url !== `/${fileName()}`) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(source());
      });
    },
  };
}

// The bundle goes into the server's wwwroot (git-ignored build output), which `caravan serve` serves at /.
export default defineConfig({
  base: '/',
  plugins: [basemapAsset()],
  build: {
    outDir: '../src/Caravan.Server/wwwroot',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // MapLibre and ECharts change less often than the app: separate files, cached apart.
        manualChunks(id: string) {
          if (id.includes('node_modules/maplibre-gl')) return 'maplibre';
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          return undefined;
        },
      },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
