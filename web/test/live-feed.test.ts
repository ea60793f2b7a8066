import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveFeed } from '../src/sse';
import type { FeedState, SseEvent } from '../src/sse';

// A real HTTP server on a free port, answering as Caravan's /api/live does: the opening comment, then events.
type Answer = (n: number, auth: string | undefined, res: import('node:http').ServerResponse) => void;
let close: (() => void) | null = null;

async function serve(answer: Answer): Promise<string> {
  let n = 0;
  const server = createServer((req, res) => answer(++n, req.headers.authorization, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => {
    server.closeAllConnections();
    server.close();
  };
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/live`;
}

afterEach(() => close?.());

function record() {
  const events: SseEvent[] = [];
  const states: string[] = [];
  const opens: boolean[] = [];
  let wake: (() => void) | null = null;
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (done() ? resolve() : (wake = check));
      check();
    });
  const handlers = {
    onEvent: (e: SseEvent) => (events.push(e), wake?.()),
    onState: (s: FeedState, detail?: string) => (states.push(detail ? `${s}: ${detail}` : s), wake?.()),
    onOpen: (again: boolean) => (opens.push(again), wake?.()),
  };
  return { events, states, opens, handlers, until };
}

describe('the live feed over fetch', () => {
  it('sends the bearer token, reads events, and reconnects when the server ends the stream', async () => {
    const tokens: (string | undefined)[] = [];
    const url = await serve((n, auth, res) => {
      tokens.push(auth);
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write(': caravan live feed\n\n');
      res.write(`event: position\ndata: {"n":${n}}\n\n`);
      if (n === 1) res.end();
    });
    const r = record();
    const feed = new LiveFeed(url, () => 'tok-123', r.handlers, 45_000, [10]);
    feed.start();
    await r.until(() => r.events.length >= 2);
    feed.stop();
    expect(tokens.slice(0, 2)).toEqual(['Bearer tok-123', 'Bearer tok-123']);
    expect(r.events.map((e) => [e.event, e.data])).toEqual([
      ['position', '{"n":1}'],
      ['position', '{"n":2}'],
    ]);
    expect(r.opens).toEqual([false, true]);
    expect(r.states[0]).toBe('connecting');
    expect(r.states).toContain('reconnecting: the server ended the feed; trying again in 0 s');
    expect(r.states.at(-1)).toBe('closed');
  });

  it('stops for good when the server does not accept the token', async () => {
    let calls = 0;
    const url = await serve((_, __, res) => {
      calls++;
      res.writeHead(401, { 'Content-Type': 'application/problem+json' });
      res.end('{"status":401}');
    });
    const r = record();
    new LiveFeed(url, () => 'revoked', r.handlers, 45_000, [10]).start();
    await r.until(() => r.states.some((s) => s.startsWith('closed')));
    expect(r.states).toEqual(['connecting', 'closed: the server does not accept this token (401): sign in again']);
    expect(calls).toBe(1);
    expect(r.events).toEqual([]);
  });
});
