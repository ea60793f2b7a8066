import type { Itinerary } from './types';

/** One itinerary as a point of the Pareto chart: x arrival (ms since epoch), y cost (USD), colour CO2e (kg). */
export interface ParetoPoint {
  id: string;
  label: string;
  value: [number, number, number];
}

export interface ParetoData {
  points: ParetoPoint[];
  co2eRange: [number, number];
}

/** The chart's data: a point per itinerary, in the order given, and the CO2e range for the colour scale. */
export function paretoData(itineraries: readonly Itinerary[]): ParetoData {
  const points = itineraries.map((it, i) => ({
    id: it.itineraryId,
    label: `${i + 1}. ${it.corridor}`,
    value: [Date.parse(it.arrival), it.costUsd, it.co2eKg] as [number, number, number],
  }));
  if (points.length === 0) return { points, co2eRange: [0, 1] };
  const co2 = points.map((p) => p.value[2]);
  let low = Math.min(...co2);
  let high = Math.max(...co2);
  if (low === high) {
    low = Math.max(0, low - 1);
    high = high + 1;
  }
  return { points, co2eRange: [low, high] };
}

/**
 * Whether no itinerary is beaten by another on all three of arrival, cost and CO2e (and strictly on one): the
 * planner's promise, checked again in the browser so a chart never shows a dominated point as a choice.
 */
export function isParetoSet(itineraries: readonly Itinerary[]): boolean {
  const dominates = (a: Itinerary, b: Itinerary) => {
    const ta = Date.parse(a.arrival);
    const tb = Date.parse(b.arrival);
    const noWorse = ta <= tb && a.costUsd <= b.costUsd && a.co2eKg <= b.co2eKg;
    const better = ta < tb || a.costUsd < b.costUsd || a.co2eKg < b.co2eKg;
    return noWorse && better;
  };
  return itineraries.every((b) => !itineraries.some((a) => a !== b && dominates(a, b)));
}
