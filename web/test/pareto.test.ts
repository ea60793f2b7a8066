import { describe, expect, it } from 'vitest';
import { isParetoSet, paretoData } from '../src/pareto';
import { itinerary } from './fixtures';

describe('the Pareto chart data', () => {
  const fast = itinerary('fast', '2026-12-10T00:00:00Z', 9000, 2500);
  const cheap = itinerary('cheap', '2026-12-20T00:00:00Z', 4000, 1800);
  const green = itinerary('green', '2026-12-25T00:00:00Z', 6000, 700);

  it('puts arrival on x, cost on y and CO2e as the colour value, one point per itinerary', () => {
    const data = paretoData([fast, cheap, green]);
    expect(data.points.map((p) => p.id)).toEqual(['fast', 'cheap', 'green']);
    expect(data.points[0]!.value).toEqual([Date.parse('2026-12-10T00:00:00Z'), 9000, 2500]);
    expect(data.points[1]!.label).toBe('2. Middle Corridor');
    expect(data.co2eRange).toEqual([700, 2500]);
  });
  it('widens a colour range of one value so the scale is not empty', () => {
    expect(paretoData([fast]).co2eRange).toEqual([2499, 2501]);
    expect(paretoData([]).points).toEqual([]);
  });
  it('tells a Pareto set from a set with a dominated itinerary', () => {
    expect(isParetoSet([fast, cheap, green])).toBe(true);
    const worse = itinerary('worse', '2026-12-21T00:00:00Z', 4500, 1900);
    expect(isParetoSet([fast, cheap, green, worse])).toBe(false);
  });
});
