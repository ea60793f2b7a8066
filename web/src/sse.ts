/**
 * Server-sent events over fetch. The browser's EventSource cannot send an Authorization header, and Caravan takes
 * party tokens only as bearer tokens (never in a URL, where logs would keep them), so the live feed is read with
 * fetch and parsed here as the HTML standard's event-stream format says. Reconnects with growing pauses, sending
 * Last-Event-ID when the server gave ids (Caravan's live feed gives none: the page reloads its snapshot instead).
 */

/** One dispatched event: its name (default "message"), data lines joined by "\n", and the last id seen. */
export interface SseEvent {
  event: string;
  data: string;
  id: string;
}

/** The event-stream parser: feed it text as it arrives (in any pieces), get back the events completed by it. */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private hasData = false;
  /** The last event id the stream set (kept across events, as the standard says). */
  lastId = '';
  /** The reconnection time the stream asked for, in milliseconds, if any. */
  retry: number | null = null;
  /** Comment lines (": heartbeat") seen so far; a heartbeat proves the stream is alive. */
  comments = 0;

  push(text: string): SseEvent[] {
    this.buffer += text;
    const out: SseEvent[] = [];
    let start = 0;
    for (;;) {
      const nl = this.lineEnd(start);
      if (nl < 0) break;
      const line = this.buffer.slice(start, nl);
      start = nl + (this.buffer[nl] === '\r' && this.buffer[nl + 1] === '\n' ? 2 : 1);
      this.line(line, out);
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  private lineEnd(from: number): number {
    for (let i = from; i < this.buffer.length; i++) {
      const c = this.buffer.charCodeAt(i);
      if (c === 10) return i;
      if (c === 13) {
        // A lone CR ends a line too, but a CR at the very end may be the first half of CRLF: wait for more.
        return i + 1 < this.buffer.length ? i : -1;
      }
    }
    return -1;
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.hasData) out.push({ event: this.event || 'message', data: this.data.join('\n'), id: this.lastId });
      this.event = '';
      this.data = [];
      this.hasData = false;
      return;
    }
    if (line.startsWith(':')) {
      this.comments++;
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') {
      this.data.push(value);
      this.hasData = true;
    } else if (field === 'id' && !value.includes('\0')) this.lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
  }
}

export type FeedState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface FeedHandlers {
  /** Each event, in order. */
  onEvent(e: SseEvent): void;
  /** The state changed; `detail` says why when it is reconnecting. */
  onState(state: FeedState, detail?: string): void;
  /** The stream is open (again): what was published before now may have been missed. */
  onOpen?(reconnected: boolean): void;
}

/** Pauses between reconnection attempts: 1 s, 2 s, 5 s, 10 s, then 15 s. */
export const RECONNECT_DELAYS = [1000, 2000, 5000, 10_000, 15_000];

/**
 * A live feed that stays open: reads `url` with the bearer token, hands events to the handlers, and reconnects when
 * the stream ends, fails or goes quiet for longer than `silenceMs` (the server sends a heartbeat every 15 s), after
 * `delays`; a 401 closes it for good (the token will not work on the next try either).
 */
export class LiveFeed {
  private controller: AbortController | null = null;
  private stopped = false;
  private attempt = 0;
  private opened = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly parser = new SseParser();

  constructor(
    private readonly url: string,
    private readonly token: () => string | null,
    private readonly handlers: FeedHandlers,
    private readonly silenceMs = 45_000,
    private readonly delays: readonly number[] = RECONNECT_DELAYS,
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  /** Closes the feed for good (leaving the page). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.controller?.abort();
    this.handlers.onState('closed');
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.handlers.onState(this.opened ? 'reconnecting' : 'connecting', this.opened ? 'opening the feed again' : undefined);
    const controller = new AbortController();
    this.controller = controller;
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (this.parser.lastId) headers['Last-Event-ID'] = this.parser.lastId;
    let why: string;
    try {
      const response = await fetch(this.url, { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401) {
        // A token the server does not know (or revoked) will not work on the next try either.
        this.stopped = true;
        this.handlers.onState('closed', 'the server does not accept this token (401): sign in again');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`the server answered ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let watchdog = this.watch(controller);
      let announced = false;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        clearTimeout(watchdog);
        watchdog = this.watch(controller);
        const events = this.parser.push(value);
        if (!announced) {
          // The server's opening comment means it has subscribed us: nothing published from here on is missed.
          announced = true;
          this.attempt = 0;
          const again = this.opened;
          this.opened = true;
          this.handlers.onState('live');
          this.handlers.onOpen?.(again);
        }
        for (const e of events) this.handlers.onEvent(e);
      }
      clearTimeout(watchdog);
      why = 'the server ended the feed';
    } catch (e) {
      if (this.stopped) return;
      why = controller.signal.aborted ? 'the feed went quiet' : e instanceof Error ? e.message : String(e);
    }
    if (this.stopped) return;
    const delay = this.parser.retry ?? this.delays[Math.min(this.attempt, this.delays.length - 1)]!;
    this.attempt++;
    this.opened = true;
    this.handlers.onState('reconnecting', `${why}; trying again in ${Math.round(delay / 1000)} s`);
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  private watch(controller: AbortController): ReturnType<typeof setTimeout> {
    return setTimeout(() => controller.abort(), this.silenceMs);
  }
}
