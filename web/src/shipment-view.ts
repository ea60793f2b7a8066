/** Words for people on the shipment page: alert kinds, file sizes, and what a failed request means for the page. Tested in test/shipment-view.test.ts. */
import { ApiError } from './api';

const ALERT_WORDS: Record<string, string> = {
  temperatureExcursion: 'Temperature outside the booked range',
  shock: 'Shock',
  doorOpenedEnRoute: 'Door opened en route',
  routeDeviation: 'Off the itinerary',
  deviceSilent: 'Tracker silent',
  dwellBeyondP90: 'Waiting longer than usual (beyond P90)',
  etaSlipping: 'Arrival slipping past the promised date',
};

export function alertWords(kind: string): string {
  return ALERT_WORDS[kind] ?? kind;
}

/** Bytes for people: "812 B", "14.2 KB", "3.1 MB" (powers of 1024). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * What a failed request for shipment `id` tells the person looking at it. A 404 is the server's one answer for a
 * shipment that does not exist and one the caller holds no role in (docs/api.md), so the page says both.
 */
export function pageProblem(id: string, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 404) return `There is no shipment ${id} that your party holds a role in (404): it does not exist, or it is another party's. ${err.message}`;
    if (err.status === 403) return `Your token may not see this (403): ${err.message}`;
    if (err.status === 401) return `The server no longer accepts your token (401): sign in again. ${err.message}`;
    if (err.status === 0) return err.message;
    return `The server answered ${err.status}: ${err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}
