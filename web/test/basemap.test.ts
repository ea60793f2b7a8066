import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { basemapFromTopology, mapBasemap } from '../src/basemap';

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

describe('the map-ready basemap built with the bundle', () => {
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
  const full = basemapFromTopology(topology);
  const built = mapBasemap(topology);
  const countries = built.features.filter((f) => f.properties.featureType === 'country');
  const borders = built.features.filter((f) => f.properties.featureType === 'border');
  const points = (g: unknown): number[][] => (Array.isArray(g) && typeof g[0] === 'number' ? [g as number[]] : (g as unknown[]).flatMap(points));

  it('keeps every country with its name, tagged as a country, and the borders as one feature', () => {
    expect(countries.map((f) => f.properties.featureType === 'country' && f.properties.name).sort()).toEqual(full.countries.features.map((f) => f.properties.name).sort());
    expect(borders).toHaveLength(1);
    expect(borders[0]!.geometry.type).toBe('MultiLineString');
  });
  it('rounds coordinates to 0.01° and drops the points rounding merges', () => {
    const all = built.features.flatMap((f) => points(f.geometry.coordinates));
    expect(all.every(([x, y]) => Math.abs(x! * 100 - Math.round(x! * 100)) < 1e-6 && Math.abs(y! * 100 - Math.round(y! * 100)) < 1e-6)).toBe(true);
    const fullCount = full.countries.features.flatMap((f) => points(f.geometry.coordinates)).length + points(full.borders.geometry.coordinates).length;
    expect(all.length).toBeLessThan(fullCount);
    expect(all.length).toBeGreaterThan(fullCount * 0.7);
  });
  it('keeps rings closed and polygons drawable', () => {
    for (const c of countries) {
      const polygons = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : (c.geometry.coordinates as number[][][][]);
      for (const ring of polygons.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring.at(-1));
      }
    }
  });
  it('does not draw Russia as a band round the world: its rings stay within 180° of longitude', () => {
    const russia = countries.find((f) => f.properties.featureType === 'country' && f.properties.name === 'Russia')!;
    for (const ring of (russia.geometry.coordinates as number[][][][]).flat()) {
      const xs = ring.map((p) => p[0]!);
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(180);
    }
  });
});
