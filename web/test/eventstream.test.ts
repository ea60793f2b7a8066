import { describe, expect, it } from 'vitest';
import { readEventStream, SseParser } from '../src/eventstream';

describe('the live feed’s event stream', () => {
  it('reads events with their names and data, skipping comments and heartbeats', () => {
    const p = new SseParser();
    expect(p.push(': caravan live feed\n\nevent: position\ndata: {"device":"d1"}\n\n: heartbeat\n\n')).toEqual([{ event: 'position', data: '{"device":"d1"}' }]);
  });
  it('joins data over several lines and defaults the name to message', () => {
    expect(new SseParser().push('data: a\ndata: b\n\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
  it('completes an event split across chunks anywhere, also between \\r and \\n', () => {
    const p = new SseParser();
    const text = 'event: entry\r\ndata: {"sequence":3}\r\n\r\n';
    const got = [];
    for (const ch of text) got.push(...p.push(ch));
    expect(got).toEqual([{ event: 'entry', data: '{"sequence":3}' }]);
  });
  it('keeps a space after the colon only once, and lines without a colon as fields', () => {
    expect(new SseParser().push('event:alert\ndata:  x\n\n')).toEqual([{ event: 'alert', data: ' x' }]);
  });
  it('reads a response body to its end and refuses a failed response', async () => {
    const body = new Response('event: alert\ndata: {"event":"alert.opened"}\n\n');
    const got: string[] = [];
    let opened = false;
    await readEventStream(async () => body, '/api/live', new AbortController().signal, () => (opened = true), (m) => got.push(m.event));
    expect(opened).toBe(true);
    expect(got).toEqual(['alert']);
    await expect(readEventStream(async () => new Response('{}', { status: 404 }), '/api/live', new AbortController().signal, () => {}, () => {})).rejects.toThrow(/404/);
  });
});
