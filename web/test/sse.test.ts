import { describe, expect, it } from 'vitest';
import { SseParser } from '../src/sse';

describe('the event-stream parser', () => {
  it('reads the live feed as Caravan writes it: a comment, then named events with JSON data', () => {
    const p = new SseParser();
    const text = ': caravan live feed\n\nevent: position\ndata: {"device":"trk-1"}\n\n: heartbeat\n\nevent: alert\ndata: {"event":"alert.opened"}\n\n';
    expect(p.push(text)).toEqual([
      { event: 'position', data: '{"device":"trk-1"}', id: '' },
      { event: 'alert', data: '{"event":"alert.opened"}', id: '' },
    ]);
    expect(p.comments).toBe(2);
  });

  it('completes an event only at its blank line, however the text is split', () => {
    const p = new SseParser();
    const text = 'event: position\r\ndata: {"a":\r\ndata: 1}\r\n\r\nevent: entry\rdata: x\r\n\r\n';
    const events = [...text].flatMap((c) => p.push(c));
    expect(events).toEqual([
      { event: 'position', data: '{"a":\n1}', id: '' },
      { event: 'entry', data: 'x', id: '' },
    ]);
  });

  it('keeps the last id and the retry time, defaults the name to "message" and skips events without data', () => {
    const p = new SseParser();
    expect(p.push('id: 7\nretry: 3000\nevent: nothing\n\ndata\n\nid: 8\ndata:no space\n\n')).toEqual([
      { event: 'message', data: '', id: '7' },
      { event: 'message', data: 'no space', id: '8' },
    ]);
    expect(p.lastId).toBe('8');
    expect(p.retry).toBe(3000);
  });
});
