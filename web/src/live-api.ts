import type { Api } from './api';
import type { Alert, LivePosition, ShipmentLike } from './live-state';

/** The calls of the Live corridor page (docs/api.md: "Live feed", "Alerts", "Shipments"). */
export const liveApi = {
  positions: (api: Api, signal?: AbortSignal) => api.request<{ positions: LivePosition[] }>('GET', '/api/live/positions', undefined, signal),
  shipments: (api: Api, signal?: AbortSignal) => api.request<ShipmentLike[]>('GET', '/api/shipments', undefined, signal),
  shipment: (api: Api, id: string, signal?: AbortSignal) => api.request<ShipmentLike>('GET', `/api/shipments/${encodeURIComponent(id)}`, undefined, signal),
  /** The unresolved alerts: open and acknowledged, newest first. */
  async alerts(api: Api, signal?: AbortSignal): Promise<Alert[]> {
    const [open, acknowledged] = await Promise.all(
      ['open', 'acknowledged'].map((state) => api.request<Alert[]>('GET', `/api/alerts?state=${state}&limit=1000`, undefined, signal)),
    );
    return [...open!, ...acknowledged!].sort((a, b) => b.id - a.id);
  },
  acknowledge: (api: Api, id: number) => api.request<Alert>('POST', `/api/alerts/${id}/acknowledge`),
};

/** Words for people for the alert kinds (docs/telemetry.md, "Alerts"). */
export const ALERT_LABELS: Record<string, string> = {
  temperatureExcursion: 'Temperature excursion',
  shock: 'Shock',
  doorOpenedEnRoute: 'Door opened en route',
  routeDeviation: 'Off the route',
  deviceSilent: 'Tracker silent',
  dwellBeyondP90: 'Dwell beyond P90',
  etaSlipping: 'Arrival slipping',
};
