import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/shared/tracking';
import { SqliteVisitStore } from '../../../src/server/tracking/sqlite-store';
import { openEventStream as openStream } from '../event-stream';
import { BROWSER, tempDir, trackingApp } from './helpers';

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
    expect(JSON.parse((await stream.next()).data)).toEqual(second);
    expect(JSON.parse((await stream.next()).data)).toEqual(third);
    const fourth = await post('/4');
    expect(JSON.parse((await stream.next()).data)).toEqual(fourth);
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
