import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/shared/tracking';
import { SqliteVisitStore } from '../../../src/server/tracking/sqlite-store';
import { BROWSER, tempDir, trackingApp } from './helpers';

interface ServerEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** Reads Server-Sent Events from a real HTTP response, one event at a time. */
async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<ServerEvent> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: ServerEvent = {};
        for (const line of block.split('\n')) {
          const match = /^(id|event|data): (.*)$/.exec(line);
          if (match) event[match[1] as keyof ServerEvent] = match[2];
        }
        if (event.event) return event;
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return { response, next, close: () => controller.abort() };
}

let dir: ReturnType<typeof tempDir>;
let store: SqliteVisitStore;
let app: FastifyInstance;
let base: string;

beforeEach(async () => {
  dir = tempDir();
  store = new SqliteVisitStore(`${dir.path}/visits.sqlite`);
  app = await trackingApp(store);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterEach(async () => {
  await app.close();
  await store.close();
  dir.remove();
});

async function post(path: string): Promise<Visit> {
  const response = await fetch(`${base}/api/visits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': BROWSER },
    body: JSON.stringify({ path }),
  });
  return (await response.json()) as Visit;
}

describe('GET /api/visits/stream', () => {
  it('sends every recorded visit as a `visit` event with its id', async () => {
    const stream = await openStream(`${base}/api/visits/stream`);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const visit = await post('/live');
    const event = await stream.next();
    expect(event).toEqual({ id: String(visit.id), event: 'visit', data: JSON.stringify(visit) });
    stream.close();
  });

  it('replays what a client missed since its Last-Event-ID, then continues live', async () => {
    const [first, second, third] = [await post('/1'), await post('/2'), await post('/3')];
    const stream = await openStream(`${base}/api/visits/stream`, { 'last-event-id': String(first.id) });
    expect(JSON.parse((await stream.next()).data ?? '')).toEqual(second);
    expect(JSON.parse((await stream.next()).data ?? '')).toEqual(third);
    const fourth = await post('/4');
    expect(JSON.parse((await stream.next()).data ?? '')).toEqual(fourth);
    stream.close();
  });

  it('tells clients when all visits were deleted', async () => {
    const stream = await openStream(`${base}/api/visits/stream`);
    await fetch(`${base}/api/visits`, { method: 'DELETE', headers: { authorization: 'Bearer test-admin' } });
    expect((await stream.next()).event).toBe('cleared');
    stream.close();
  });

  it('frees a client when it disconnects, and gives HEAD no stream', async () => {
    const status = async () => (await (await fetch(`${base}/api/visits/status`)).json()).streamClients;
    const stream = await openStream(`${base}/api/visits/stream`);
    expect(await status()).toBe(1);
    stream.close();
    await expect.poll(status).toBe(0);
    const head = await fetch(`${base}/api/visits/stream`, { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(await status()).toBe(0);
  });

  it('does not keep the server from closing, and counts its clients', async () => {
    const stream = await openStream(`${base}/api/visits/stream`);
    const status = await (await fetch(`${base}/api/visits/status`)).json();
    expect(status.streamClients).toBe(1);
    await app.close();
    await expect(stream.next()).rejects.toThrow('stream ended');
  });
});
