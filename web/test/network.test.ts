import { describe, expect, it } from 'vitest';
import { isGaugeBreak, itineraryBounds, itineraryForMap, linkClass, linksForMap, networkCountries, networkForMap, readNetwork, searchTerminals, terminalsForMap } from '../src/network';
import { NETWORK, itinerary, leg } from './fixtures';

const network = readNetwork(NETWORK);
const terminals = network.terminals.map((t) => t.properties);

describe('reading the network GeoJSON', () => {
  it('splits terminals from links and indexes terminals by LOCODE', () => {
    expect(network.terminals).toHaveLength(4);
    expect(network.links).toHaveLength(3);
    expect(network.byLocode.get('KZAKT')?.properties.name).toBe('Aktau port');
  });
  it('marks gauge breaks and styles rail by gauge', () => {
    expect(terminals.filter(isGaugeBreak).map((t) => t.locode)).toEqual(['KZDOS']);
    expect(network.links.map((l) => linkClass(l.properties))).toEqual(['rail-1435', 'rail-1520', 'ferry']);
    expect(linksForMap(network).features.map((f) => f.properties?.style)).toEqual(['rail-1435', 'rail-1520', 'ferry']);
    const dostyk = terminalsForMap(network).features.find((f) => f.properties?.locode === 'KZDOS');
    expect(dostyk?.properties?.gaugeBreak).toBe(true);
  });
  it('gives the map one collection of links and terminals, each tagged with its featureType', () => {
    const features = networkForMap(network).features;
    expect(features.map((f) => f.properties?.featureType)).toEqual(['link', 'link', 'link', 'terminal', 'terminal', 'terminal', 'terminal']);
    expect(features.find((f) => f.properties?.locode === 'KZDOS')?.properties?.gaugeBreak).toBe(true);
    expect(features[2]?.properties?.style).toBe('ferry');
  });
  it('lists the countries of the network once each', () => {
    expect(networkCountries(terminals)).toEqual(['AZ', 'CN', 'KZ']);
  });
});

describe('searching terminals by name and LOCODE', () => {
  it('finds an exact LOCODE first, in any case', () => {
    expect(searchTerminals(terminals, 'kzakt')[0]?.locode).toBe('KZAKT');
  });
  it('finds names by their start, by a word, and ignores accents and case', () => {
    expect(searchTerminals(terminals, 'dost').map((t) => t.locode)).toEqual(['KZDOS']);
    expect(searchTerminals(terminals, 'ALAT').map((t) => t.locode)).toEqual(['AZBAK']);
    expect(searchTerminals(terminals, 'Xí').map((t) => t.locode)).toEqual(['CNXIY']);
    expect(searchTerminals(terminals, 'xian').map((t) => t.locode)).toEqual(['CNXIY']);
  });
  it('finds LOCODE prefixes, and nothing for empty text', () => {
    expect(searchTerminals(terminals, 'KZ').map((t) => t.locode).sort()).toEqual(['KZAKT', 'KZDOS']);
    expect(searchTerminals(terminals, '  ')).toEqual([]);
  });
});

describe('an itinerary on the map', () => {
  const it1 = itinerary('it-1', '2026-12-10T00:00:00Z', 5000, 900, [
    leg('CNXIY', 'KZDOS', 'rail', '2026-12-01T00:00:00Z', '2026-12-03T00:00:00Z'),
    leg('KZDOS', 'KZAKT', 'rail', '2026-12-03T10:00:00Z', '2026-12-05T00:00:00Z'),
    leg('KZAKT', 'AZBAK', 'ferry', '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z'),
  ]);
  it('draws one line per leg between its terminals, with its mode', () => {
    const lines = itineraryForMap(it1, network);
    expect(lines.features.map((f) => f.properties?.mode)).toEqual(['rail', 'rail', 'ferry']);
    expect(lines.features[2]?.geometry.coordinates).toEqual([
      [51.2, 43.6],
      [49.4, 40.0],
    ]);
  });
  it('fits the view around every terminal it passes', () => {
    expect(itineraryBounds(it1, network)).toEqual([49.4, 34.42, 109.1, 45.25]);
    expect(itineraryBounds(itinerary('none', '2026-12-10T00:00:00Z', 1, 1, [leg('XXAAA', 'XXBBB', 'road', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z')]), network)).toBeNull();
  });
});
