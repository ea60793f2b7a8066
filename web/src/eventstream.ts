/**
 * Server-sent events read over fetch, so the bearer token goes in a header (EventSource cannot send one).
 * `SseParser` is the text/event-stream grammar (WHATWG HTML §9.2.6) for the parts Caravan's live feed uses — `event:`,
 * `data:` over several lines, comments — and is tested in test/eventstream.test.ts.
 */

export interface SseMessage {
  event: string;
  data: string;
}

export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  /** Feeds a chunk of text; answers the messages it completed. */
  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      // A lone \r at the end of a chunk may be the first half of \r\n: wait for the next chunk.
      if (this.buffer[newline] === '\r' && newline + 1 === this.buffer.length) break;
      this.buffer = this.buffer.slice(newline + width);
      if (line === '') {
        if (this.data.length > 0) out.push({ event: this.event || 'message', data: this.data.join('\n') });
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
    }
    return out;
  }
}

/**
 * Reads `path` as an event stream with the session's token until `signal` aborts or the server ends it; calls `onOpen`
 * once the response is 200 and `onMessage` for every message. Rejects with the failure (a status, or the network).
 */
export async function readEventStream(
  fetchStream: (path: string, signal: AbortSignal) => Promise<Response>,
  path: string,
  signal: AbortSignal,
  onOpen: () => void,
  onMessage: (m: SseMessage) => void,
): Promise<void> {
  const response = await fetchStream(path, signal);
  if (!response.ok || !response.body) throw new Error(`the live feed answered ${response.status}`);
  onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const m of parser.push(value)) onMessage(m);
    }
  } finally {
    reader.releaseLock();
  }
}
