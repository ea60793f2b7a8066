import { defineConfig } from 'vitest/config';

// The bundle goes into the server's wwwroot (git-ignored build output), which `caravan serve` serves at /.
export default defineConfig({
  base: '/',
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
