import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { basemapFromTopology } from '../src/basemap';

const require = createRequire(import.meta.url);

describe('the Natural Earth basemap', () => {
  // The real file the bundle ships (the 110m one: same shape, smaller).
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
  const basemap = basemapFromTopology(topology);

  it('has the corridor countries as polygons with their names', () => {
    const names = basemap.countries.features.map((f) => f.properties.name);
    for (const n of ['Kazakhstan', 'Azerbaijan', 'Georgia', 'Germany', 'China', 'Russia']) expect(names).toContain(n);
    expect(basemap.countries.features.every((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')).toBe(true);
  });
  it('draws each border between two countries once, as lines', () => {
    expect(basemap.borders.geometry.type).toBe('MultiLineString');
    expect(basemap.borders.geometry.coordinates.length).toBeGreaterThan(100);
  });
});
