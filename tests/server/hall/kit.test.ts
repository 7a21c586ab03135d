import { connect } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { followPlugin } from '../../../src/server/follow/plugin';
import { configureApi } from '../../../src/server/kit/api';
import { EventStreams } from '../../../src/server/kit/sse';
import { SqliteVisitStore } from '../../../src/server/tracking/sqlite-store';
import { openEventStream } from '../event-stream';
import { tempDir, trackingApp } from '../tracking/helpers';

const apps: FastifyInstance[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function tracking(adminToken: string | undefined): Promise<FastifyInstance> {
  const dir = tempDir();
  const store = new SqliteVisitStore(`${dir.path}/visits.sqlite`);
  cleanups.push(async () => {
    await store.close();
    dir.remove();
  });
  const app = await trackingApp(store, { adminToken });
  apps.push(app);
  return app;
}

async function follow(presenterToken: string | undefined): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(followPlugin, { presenterToken, decks: ['kapitel-2'] });
  apps.push(app);
  return app;
}

/** The two routes that need a token, each as a request builder. */
async function guarded(token: string | undefined) {
  const visits = await tracking(token);
  const follower = await follow(token);
  return [
    (authorization?: string) =>
      visits.inject({ method: 'DELETE', url: '/api/visits', headers: authorization ? { authorization } : {} }),
    (authorization?: string) =>
      follower.inject({
        method: 'POST',
        url: '/api/follow/kapitel-2',
        headers: authorization ? { authorization } : {},
        payload: { index: 1 },
      }),
  ];
}

describe('one bearer check', () => {
  it('answers 401 with WWW-Authenticate without a token and 403 with a wrong one, on every route', async () => {
    for (const send of await guarded('secret')) {
      const missing = await send();
      expect(missing.statusCode).toBe(401);
      expect(missing.headers['www-authenticate']).toBe('Bearer');
      expect(missing.json().message).toMatch(/Token fehlt/);
      const wrong = await send('Bearer guess');
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().message).toMatch(/Falsches Token/);
      expect((await send('Bearer secret')).statusCode).toBe(200);
    }
  });

  it('answers 503 naming the variable when the token is not configured', async () => {
    for (const send of await guarded(undefined)) {
      const response = await send('Bearer anything');
      expect(response.statusCode).toBe(503);
      expect(response.json().message).toMatch(/ist nicht eingerichtet: (ADMIN|PRESENTER)_TOKEN ist nicht gesetzt/);
    }
  });
});

describe('one error reply', () => {
  it('tracking and follow answer invalid input alike: status, German message, field', async () => {
    const visits = await tracking('secret');
    const follower = await follow('secret');
    const replies = [
      await visits.inject({ url: '/api/visits?limit=1000' }),
      await follower.inject({
        method: 'POST',
        url: '/api/follow/kapitel-2',
        headers: { authorization: 'Bearer secret' },
        payload: { index: 100_000 },
      }),
    ];
    for (const reply of replies) {
      expect(reply.statusCode).toBe(400);
      expect(Object.keys(reply.json()).sort()).toEqual(['error', 'field', 'limit', 'message', 'statusCode']);
      expect(reply.json().message).toMatch(/^Ungültige Eingabe: „.+“ ist zu groß \(Grenze: \d+\)\.$/);
    }
  });
});

async function streamsApp(streams: EventStreams, trustProxy = false): Promise<string> {
  const app = Fastify({ logger: false, forceCloseConnections: true, trustProxy });
  configureApi(app, { service: 'Der Test-Server' });
  app.get('/events', async (request, reply) => {
    streams.open(request, reply);
    return reply;
  });
  app.addHook('preClose', async () => streams.closeAll());
  apps.push(app);
  return app.listen({ port: 0, host: '127.0.0.1' });
}

describe('one event-stream helper', () => {
  it('sends retry and heartbeats, and caps streams per client (429) and in total (503)', async () => {
    const streams = new EventStreams({ perClient: 2, total: 3, heartbeatMs: 50 });
    const base = await streamsApp(streams, true);
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    const first = await fetch(`${base}/events`, { headers: from('10.0.0.1') });
    const reader = (first.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes(': heartbeat\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/^retry: \d+\n\n/);

    await fetch(`${base}/events`, { headers: from('10.0.0.1') });
    const mine = await fetch(`${base}/events`, { headers: from('10.0.0.1') });
    expect(mine.status).toBe(429);
    expect(mine.headers.get('retry-after')).toBeTruthy();
    expect(await mine.json()).toMatchObject({ limit: 2, message: expect.stringMatching(/Von Ihrer Adresse/) });

    expect((await fetch(`${base}/events`, { headers: from('10.0.0.2') })).status).toBe(200);
    const full = await fetch(`${base}/events`, { headers: from('10.0.0.3') });
    expect(full.status).toBe(503);
    expect(await full.json()).toMatchObject({
      limit: 3,
      message: expect.stringMatching(/Zu viele offene Event-Streams/),
    });
  });

  it('cuts a client that stops reading once its unsent bytes pass the cap; a reading client keeps everything', async () => {
    const streams = new EventStreams({ bufferBytes: 16 * 1024, heartbeatMs: 60_000 });
    const base = new URL(await streamsApp(streams));
    const stalled = connect(Number(base.port), base.hostname);
    stalled.pause();
    stalled.write(`GET /events HTTP/1.1\r\nHost: ${base.host}\r\n\r\n`);
    const reader = await openEventStream(`${base.origin}/events`);
    await expect.poll(() => streams.size).toBe(2);

    const chunk = 'x'.repeat(8 * 1024);
    let sent = 0;
    const received = (async () => {
      let count = 0;
      while (count < 2000) {
        const event = await reader.next();
        if (event.event === 'chunk') count += 1;
        if (event.data === 'last') return count;
      }
      return count;
    })();
    while (streams.size === 2 && sent < 5000) {
      streams.broadcast(`event: chunk\ndata: ${chunk}\n\n`);
      sent += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(streams.size).toBe(1);
    streams.broadcast('data: last\n\n');
    expect(await received).toBe(sent);
    stalled.destroy();
  });
});
