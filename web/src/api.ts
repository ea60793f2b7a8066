import type { Caller, PlanRequest, PlanResponse, ShipmentSummary } from './types';
import type { FeatureCollection } from 'geojson';

/** An answer of the API that was not a success, with what the server said (RFC 9457 problem details). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface Problem {
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** A message for people from a failed response: the problem's detail and field errors, or what the status means. */
export function problemMessage(status: number, problem: Problem | null): string {
  const parts: string[] = [];
  const head = problem?.detail ?? problem?.title;
  if (head) parts.push(head);
  for (const [field, messages] of Object.entries(problem?.errors ?? {})) {
    for (const m of messages) parts.push(`${field}: ${m}`);
  }
  if (parts.length > 0) return parts.join(' ');
  if (status === 401) return 'The server does not know this token (401).';
  if (status === 403) return 'This token may not do that (403).';
  if (status === 404) return 'Not found (404).';
  if (status >= 500) return `The server failed (${status}).`;
  return `The request failed (${status}).`;
}

/** The Caravan API over fetch with the session's bearer token. */
export class Api {
  constructor(
    readonly token: () => string | null,
    private readonly base = '',
  ) {}

  me(signal?: AbortSignal): Promise<Caller> {
    return this.request<Caller>('GET', '/api/me', undefined, signal);
  }

  network(signal?: AbortSignal): Promise<FeatureCollection> {
    return this.request<FeatureCollection>('GET', '/api/network', undefined, signal);
  }

  plan(request: PlanRequest, signal?: AbortSignal): Promise<PlanResponse> {
    return this.request<PlanResponse>('POST', '/api/plan', request, signal);
  }

  book(body: unknown, signal?: AbortSignal): Promise<ShipmentSummary> {
    return this.request<ShipmentSummary>('POST', '/api/shipments', body, signal);
  }

  /** A GET of any JSON resource of the API. */
  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path, undefined, signal);
  }

  /** A POST of JSON (or of nothing, with `undefined`) to the API. */
  post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return this.request<T>('POST', path, body, signal);
  }

  /** A plain fetch with the bearer token, for what is not JSON (downloads, the live feed's stream). */
  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const token = this.token();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return fetch(this.base + path, { ...init, headers });
  }

  async request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/geo+json, application/problem+json' };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0, `The server could not be reached (${path}): ${e instanceof Error ? e.message : String(e)}.`);
    }
    if (!response.ok) {
      let problem: Problem | null = null;
      try {
        problem = (await response.json()) as Problem;
      } catch {
        problem = null;
      }
      throw new ApiError(response.status, problemMessage(response.status, problem), problem?.errors ?? {});
    }
    return (await response.json()) as T;
  }
}
